//! Smaller closed lists of the register format: rights, roles, retention actions, DPIA status.

use super::vocabulary;

vocabulary! {
    /// An individual right under UK GDPR Chapter III.
    pub enum Right ("individual right") {
        Informed = ("informed", "The right to be informed"),
        Access = ("access", "The right of access"),
        Rectification = ("rectification", "The right to rectification"),
        Erasure = ("erasure", "The right to erasure"),
        Restriction = ("restriction", "The right to restrict processing"),
        Portability = ("portability", "The right to data portability"),
        Object = ("object", "The right to object"),
        AutomatedDecisionMaking = ("automated-decision-making", "Rights related to automated decision-making including profiling"),
    }
}

vocabulary! {
    /// A safeguard for significant automated decisions (UK GDPR Art 22C).
    pub enum AdmSafeguard ("automated decision safeguard") {
        /// Art 22C(2)(a): the person is told about decisions taken about them.
        Informed = ("informed", "The person is told about the decision"),
        /// Art 22C(2)(b): they can make representations about it.
        Representations = ("representations", "The person can make representations about it"),
        /// Art 22C(2)(c): they can obtain human intervention.
        HumanIntervention = ("human-intervention", "The person can obtain human intervention"),
        /// Art 22C(2)(d): they can contest it.
        Contest = ("contest", "The person can contest the decision"),
    }
}

vocabulary! {
    /// Whether people must give their data, for the privacy notice (UK GDPR Art 13(2)(e)).
    pub enum DataRequirement ("requirement to give the data") {
        /// The law requires the person to give it.
        Statutory = ("statutory", "Required by law"),
        /// A contract with the person requires it.
        Contractual = ("contractual", "Required by a contract"),
        /// It is needed before a contract can be made with the person.
        ContractEntry = ("contract-entry", "Needed to enter into a contract"),
        /// The person chooses whether to give it.
        Voluntary = ("voluntary", "Not required: the person chooses"),
        /// Not collected from the person, so Art 14 applies and Art 13(2)(e) does not.
        ObtainedElsewhere = ("obtained-elsewhere", "Not collected from the person"),
    }
}

impl DataRequirement {
    /// Whether the person must give the data, so the notice must say what happens if not.
    pub fn is_required(self) -> bool {
        matches!(
            self,
            Self::Statutory | Self::Contractual | Self::ContractEntry
        )
    }
}

vocabulary! {
    /// The organisation's role for one processing activity.
    pub enum Role ("role") {
        Controller = ("controller", "Controller"),
        JointController = ("joint-controller", "Joint controller"),
        /// Acting for another controller: the activity belongs in the Art 30(2) processor record.
        Processor = ("processor", "Processor"),
    }
}

vocabulary! {
    /// What happens to data when its retention period ends.
    pub enum RetentionAction ("retention action") {
        Delete = ("delete", "delete"),
        Anonymise = ("anonymise", "anonymise"),
        Review = ("review", "review"),
        Archive = ("archive", "archive"),
    }
}

vocabulary! {
    /// How far a data protection impact assessment has got.
    pub enum DpiaStatus ("DPIA status") {
        NotStarted = ("not-started", "Not started"),
        InProgress = ("in-progress", "In progress"),
        Complete = ("complete", "Complete"),
    }
}
