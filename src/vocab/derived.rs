//! Values derived from the vocabularies that lint, export and privacy notices all share.

use super::{Article6Basis, Right};

/// The rights available to individuals under the given lawful bases (ICO guidance table).
///
/// Always: informed, access, rectification, restriction. Erasure, portability and objection
/// depend on the basis; where several bases apply, a right is listed if any basis gives it.
/// Rights about automated decision-making are added by the caller when such decisions are made.
pub fn rights_for_bases(bases: &[Article6Basis]) -> Vec<Right> {
    use Article6Basis as B;
    let mut rights = vec![Right::Informed, Right::Access, Right::Rectification];
    let any = |f: &dyn Fn(B) -> bool| bases.iter().any(|b| f(*b));
    if any(&|b| !matches!(b, B::LegalObligation | B::PublicTask)) {
        rights.push(Right::Erasure);
    }
    rights.push(Right::Restriction);
    if any(&|b| matches!(b, B::Consent | B::Contract)) {
        rights.push(Right::Portability);
    }
    if any(&|b| {
        matches!(
            b,
            B::PublicTask | B::LegitimateInterests | B::RecognisedLegitimateInterest
        )
    }) {
        rights.push(Right::Object);
    }
    rights
}

/// The Article 6 bases under which `right` is available, from the same table: what the
/// rights rule's help and `explain` say, so they cannot disagree with the rights derived.
pub fn bases_giving(right: Right) -> Vec<Article6Basis> {
    <Article6Basis as super::Vocabulary>::ALL
        .iter()
        .copied()
        .filter(|b| rights_for_bases(&[*b]).contains(&right))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Article6Basis as B;

    #[test]
    fn the_bases_giving_a_right_are_read_from_the_table() {
        assert_eq!(bases_giving(Right::Portability), [B::Consent, B::Contract]);
        assert_eq!(
            bases_giving(Right::Object),
            [
                B::PublicTask,
                B::RecognisedLegitimateInterest,
                B::LegitimateInterests
            ]
        );
        assert!(!bases_giving(Right::Erasure).contains(&B::PublicTask));
    }

    #[test]
    fn public_task_gives_objection_but_not_erasure_or_portability() {
        let rights = rights_for_bases(&[B::PublicTask]);
        assert!(rights.contains(&Right::Object));
        assert!(!rights.contains(&Right::Erasure));
        assert!(!rights.contains(&Right::Portability));
    }

    #[test]
    fn consent_gives_erasure_and_portability_but_not_objection() {
        let rights = rights_for_bases(&[B::Consent]);
        assert_eq!(
            rights,
            vec![
                Right::Informed,
                Right::Access,
                Right::Rectification,
                Right::Erasure,
                Right::Restriction,
                Right::Portability
            ]
        );
    }

    #[test]
    fn bases_and_paragraphs_read_as_plain_english_with_their_points() {
        assert_eq!(B::PublicTask.with_point(), "Public task (Art 6(1)(e))");
        assert_eq!(
            B::RecognisedLegitimateInterest.in_sentence(),
            "recognised legitimate interest (Art 6(1)(ea))"
        );
        assert_eq!(
            B::LegalObligation.plain_english(),
            "the law requires us to do it"
        );
        let para = crate::vocab::Schedule1Paragraph::new(6).unwrap();
        assert_eq!(
            para.with_name(),
            "Schedule 1 paragraph 6 (Statutory etc and government purposes)"
        );
        assert!(para.needs_apd());
        assert_eq!(crate::vocab::Schedule1Paragraph::new(5), None);
    }

    #[test]
    fn legal_obligation_gives_only_the_rights_always_available() {
        assert_eq!(
            rights_for_bases(&[B::LegalObligation]),
            vec![
                Right::Informed,
                Right::Access,
                Right::Rectification,
                Right::Restriction
            ]
        );
    }
}
