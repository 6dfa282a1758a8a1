//! Annex 1 conditions for the recognised legitimate interest basis, Art 6(1)(ea) and 6(5).

use super::vocabulary;

vocabulary! {
    /// A recognised legitimate interest condition from UK GDPR Annex 1.
    pub enum AnnexCondition ("Annex 1 recognised legitimate interest condition") {
        DisclosureForPublicTask = ("disclosure-for-public-task", "Disclosure to a body with a public task that asked for it"),
        NationalSecurityDefence = ("national-security-defence", "National security, public security and defence"),
        Emergencies = ("emergencies", "Emergencies"),
        Crime = ("crime", "Detecting, investigating or preventing crime, or apprehending or prosecuting offenders"),
        Safeguarding = ("safeguarding", "Safeguarding vulnerable individuals"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crime_condition_reads_as_annex_1_does() {
        // UK GDPR Annex 1, inserted by the Data (Use and Access) Act 2025.
        assert_eq!(
            AnnexCondition::Crime.label(),
            "Detecting, investigating or preventing crime, or apprehending or prosecuting offenders"
        );
    }
}
