//! The three-way rule for one value, and the walk that applies it: [`settle`] says whether
//! only one side changed a value (or both the same way) or both changed it differently, and
//! [`Merger`] notes each conflict in the order the merge meets it and gives back the side
//! chosen for it (`theirs` until one is chosen). Head fields, records and the languages of a
//! text all go through here.

use serde_json::Value;

use crate::schema::RecordKind;

use super::{Choice, Conflict};

/// What the three-way rule makes of one value.
pub(super) enum Settled<'a> {
    /// Only one side changed it, or both the same way: this value (None: not there).
    Agreed(Option<&'a Value>),
    /// Both changed it, differently.
    Conflict,
}

/// The three-way rule for one value: whatever changed it wins over whatever did not.
pub(super) fn settle<'a>(base: Option<&'a Value>, mine: Option<&'a Value>, theirs: Option<&'a Value>) -> Settled<'a> {
    if mine == theirs || mine == base {
        Settled::Agreed(theirs)
    } else if theirs == base {
        Settled::Agreed(mine)
    } else {
        Settled::Conflict
    }
}

/// One merge's walk: the conflicts met so far, and the sides chosen for them (if any yet).
pub(super) struct Merger<'c> {
    choices: &'c [Option<Choice>],
    conflicts: Vec<Conflict>,
}

impl<'c> Merger<'c> {
    /// A walk that has met no conflict yet, taking the sides in `choices` (by the conflicts'
    /// order) as it meets them.
    pub(super) fn new(choices: &'c [Option<Choice>]) -> Self {
        Merger { choices, conflicts: Vec::new() }
    }

    /// The conflicts met, in the order they were met.
    pub(super) fn into_conflicts(self) -> Vec<Conflict> {
        self.conflicts
    }

    /// Notes a conflict; returns the side chosen for it, `theirs` until chosen.
    pub(super) fn conflict(&mut self, conflict: Conflict) -> Choice {
        let chosen = self.choices.get(self.conflicts.len()).copied().flatten().unwrap_or(Choice::Theirs);
        self.conflicts.push(conflict);
        chosen
    }

    /// One value by the three-way rule, or the side chosen for its conflict.
    pub(super) fn value(
        &mut self,
        place: (Option<RecordKind>, &str, Option<&str>),
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        match settle(base, mine, theirs) {
            Settled::Agreed(value) => value.cloned(),
            Settled::Conflict => {
                let (kind, id, field) = place;
                let conflict = Conflict {
                    kind,
                    id: id.to_string(),
                    field: field.map(str::to_string),
                    lang: None,
                    base: base.cloned(),
                    theirs: theirs.cloned(),
                    mine: mine.cloned(),
                };
                match self.conflict(conflict) {
                    Choice::Mine => mine.cloned(),
                    Choice::Theirs => theirs.cloned(),
                }
            }
        }
    }
}
