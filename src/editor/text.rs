//! Every text of the editor, English and Swedish side by side (the app's own are in
//! `crate::i18n`, and stay out of the editor's way and the other way round).

use crate::dataset::Lang;
use crate::i18n::strings;
use crate::schema::RecordKind;

strings! {
    title: "Innovation Atlas — data editor", "Innovation Atlas — dataredigerare";
    intro: "Keep the atlas's data current: edit, check, preview and download initiative.json. Your draft stays in this browser until you download it.",
        "Håll atlasens uppgifter aktuella: redigera, kontrollera, förhandsgranska och ladda ner initiative.json. Ditt utkast stannar i den här webbläsaren tills du laddar ner det.";
    other_language: "Svenska", "English";
    opening: "Opening the published file…", "Öppnar den publicerade filen…";
    open_heading: "Open a file", "Öppna en fil";
    open_published: "Open the published file", "Öppna den publicerade filen";
    open_local: "Open a file from your computer", "Öppna en fil från datorn";
    open_local_hint: "Choose or drop an initiative.json here. It is read in this browser only: nothing is uploaded.",
        "Välj eller släpp en initiative.json här. Den läses bara i den här webbläsaren: inget laddas upp.";
    open_other: "Open another file", "Öppna en annan fil";
    cannot_open: "This file cannot be opened", "Filen kan inte öppnas";
    replace_draft: "Opening another file replaces your draft, which has changes you have not downloaded.",
        "Att öppna en annan fil ersätter ditt utkast, som har ändringar du inte har laddat ner.";
    continue_draft: "Continue my draft", "Fortsätt med mitt utkast";
    draft_back: "Your draft is back as you left it.", "Ditt utkast är tillbaka som du lämnade det.";
    published_changed: "The published file has changed since your draft began (someone published a new version). Merge your changes into it: what they published stays, and where you both changed the same field, you choose.",
        "Den publicerade filen har ändrats sedan ditt utkast började (någon har publicerat en ny version). För in dina ändringar i den: det de publicerat finns kvar, och där ni båda ändrat samma fält väljer du.";
    compare: "Compare", "Jämför";
    keep_draft: "Merge my changes into the published file", "För in mina ändringar i den publicerade filen";
    discard_draft: "Discard my draft", "Släng mitt utkast";
    discard_confirm: "Discard your draft? Every change in it that you have not downloaded is deleted from this browser, and cannot be brought back.",
        "Släng ditt utkast? Alla ändringar i det som du inte har laddat ner tas bort från den här webbläsaren och kan inte tas tillbaka.";
    merged: "Your changes are merged into the published file. What changed now lists what publishing would change.",
        "Dina ändringar är införda i den publicerade filen. Vad som ändrats visar nu vad en publicering skulle ändra.";
    conflicts_heading: "Choose where you both changed the same field", "Välj där ni båda ändrat samma fält";
    conflicts_intro: "Someone published changes to fields your draft changes too. For each, choose which version to keep. Everything else is merged already; your draft stays saved until you finish.",
        "Någon har publicerat ändringar i fält som ditt utkast också ändrar. Välj för varje fält vilken version som ska behållas. Allt annat är redan infört; ditt utkast är sparat tills du är klar.";
    use_choices: "Use these choices", "Använd dessa val";
    back_to_choice: "Back", "Tillbaka";
    before_both: "Before either change", "Före båda ändringarna";
    theirs: "Published", "Publicerat";
    mine: "My draft", "Mitt utkast";
    not_there: "(not there: deleted)", "(finns inte: borttagen)";
    record_kept: "the record, kept with its changes", "posten, kvar med sina ändringar";
    back_to_draft: "Back to my draft", "Tillbaka till mitt utkast";
    earlier_kept: "Your earlier draft is kept in this browser:", "Ditt tidigare utkast finns kvar i den här webbläsaren:";
    open_earlier: "Open the earlier draft instead", "Öppna det tidigare utkastet i stället";
    preview_unavailable: "The preview cannot show your draft: this browser could not save it (its storage may be full, or private), and the atlas reads the draft from there. Download the draft to keep your changes.",
        "Förhandsvisningen kan inte visa ditt utkast: den här webbläsaren kunde inte spara det (lagringen kan vara full eller privat), och atlasen läser utkastet därifrån. Ladda ner utkastet för att behålla dina ändringar.";
    undo: "Undo", "Ångra";
    redo: "Redo", "Gör om";
    what_changed: "What changed", "Vad som ändrats";
    preview: "Preview", "Förhandsgranska";
    download: "Download initiative.json", "Ladda ner initiative.json";
    editing: "Edit", "Redigera";
    records_heading: "Records", "Poster";
    search_records: "Search", "Sök";
    search_records_hint: "Names, ids and cities", "Namn, id och städer";
    show: "Show", "Visa";
    show_all: "All records", "Alla poster";
    show_problems: "With problems", "Med problem";
    show_missing_sv: "Missing Swedish", "Saknar svenska";
    show_missing_en: "Missing English", "Saknar engelska";
    no_records: "No records match.", "Inga poster matchar.";
    show_more: "Show more", "Visa fler";
    choose_record: "Choose a record in the list to edit it, or add one.", "Välj en post i listan för att redigera den, eller lägg till en.";
    duplicate: "Duplicate", "Duplicera";
    delete: "Delete", "Ta bort";
    revert_record: "Revert to the published version", "Återställ till den publicerade versionen";
    remove_added: "Remove this new record", "Ta bort den nya posten";
    revert_field: "Revert", "Återställ";
    changed_mark: "changed", "ändrad";
    english: "English", "Engelska";
    swedish: "Swedish", "Svenska";
    copy_from_en: "Copy from English", "Kopiera från engelska";
    copy_from_sv: "Copy from Swedish", "Kopiera från svenska";
    choose: "Choose…", "Välj…";
    none: "None", "Ingen";
    no_match: "No match", "Ingen träff";
    use_https: "Use the https address", "Använd https-adressen";
    error_prefix: "Error:", "Fel:";
    warning_prefix: "Warning:", "Varning:";
    there_is_a_problem: "There is a problem", "Det finns ett problem";
    fix_before_download: "Fix these before downloading the file:", "Rätta dessa innan du laddar ner filen:";
    download_refused: "The file cannot be downloaded yet: fix the problems listed above.", "Filen kan inte laddas ner än: rätta problemen som listas ovan.";
    warnings_heading: "To check", "Att kontrollera";
    saved: "Saved in this browser.", "Sparat i den här webbläsaren.";
    storage_failed: "Your draft could not be saved in this browser (its storage may be full, or private). Download it now to keep your changes.",
        "Ditt utkast kunde inte sparas i den här webbläsaren (lagringen kan vara full eller privat). Ladda ner det nu för att behålla dina ändringar.";
    download_draft: "Download the draft", "Ladda ner utkastet";
    downloaded: "Downloaded initiative.json.", "initiative.json är nedladdad.";
    next_heading: "What to do with the file", "Vad du gör med filen";
    next_replace: "Replace data/initiative.json where the atlas is published with the file you downloaded. The pages for browsers without JavaScript keep the old data until the next build: to publish them too, download for publishing instead.",
        "Ersätt data/initiative.json där atlasen är publicerad med filen du laddade ner. Sidorna för webbläsare utan JavaScript behåller de gamla uppgifterna till nästa bygge; välj Ladda ner för publicering för att uppdatera dem också.";
    next_unpack: "Unpack the zip over the folder where the atlas is published: it replaces data/initiative.json, index.html and sv.html, and nothing else. Every visitor then reads the new data, with or without JavaScript.",
        "Packa upp zip-filen över mappen där atlasen är publicerad: den ersätter data/initiative.json, index.html och sv.html, inget annat. Alla besökare läser då de nya uppgifterna, med eller utan JavaScript.";
    download_bundle: "Download for publishing (.zip)", "Ladda ner för publicering (.zip)";
    making_bundle: "Writing the pages for publishing…", "Skriver sidorna för publicering…";
    downloaded_bundle: "Downloaded innovation-atlas-publish.zip: the data file and both pages.", "innovation-atlas-publish.zip är nedladdad: datafilen och båda sidorna.";
    bundle_failed: "The bundle for publishing could not be made.", "Paketet för publicering kunde inte göras.";
    bundle_failed_why: "The pages published beside the editor could not be read, so the bundle for publishing cannot be made (is the editor opened from its published folder?). You can still download initiative.json alone: the pages then keep the old data until the next build.",
        "Sidorna som är publicerade bredvid redigeraren kunde inte läsas, så paketet för publicering kan inte göras (är redigeraren öppnad från sin publicerade mapp?). Du kan fortfarande ladda ner enbart initiative.json: sidorna behåller då de gamla uppgifterna till nästa bygge.";
    next_check: "Open the atlas with ?debug=1 after its address and check that it lists no problems.",
        "Öppna atlasen med ?debug=1 efter adressen och kontrollera att den inte listar några problem.";
    other_tab: "The editor is open in another tab too. Edit in one tab only: each tab's draft replaces the other's.",
        "Redigeraren är öppen i en annan flik också. Redigera i en flik: varje fliks utkast ersätter den andras.";
    read_only: "This tab only shows the draft while another tab edits it.", "Den här fliken visar bara utkastet medan en annan flik redigerar det.";
    edit_here: "Edit in this tab", "Redigera i den här fliken";
    delete_heading: "Delete this record?", "Ta bort posten?";
    referenced_by: "These records name it, and would point at nothing:", "Dessa poster hänvisar till den och skulle peka på ingenting:";
    nothing_refers: "No other record names it.", "Ingen annan post hänvisar till den.";
    cancel: "Cancel", "Avbryt";
    no_changes: "No changes yet.", "Inga ändringar ännu.";
    added: "Added", "Tillagd";
    removed: "Removed", "Borttagen";
    changed: "Changed", "Ändrad";
    before: "Before", "Före";
    after: "After", "Efter";
    empty_value: "(empty)", "(tomt)";
    file_fields: "The file", "Filen";
    compare_heading: "Your draft against the published file", "Ditt utkast jämfört med den publicerade filen";
    preview_note: "The atlas as it will look with your draft. Nothing is published until you replace the file.",
        "Atlasen som den blir med ditt utkast. Inget publiceras förrän du ersätter filen.";
    preview_title: "Preview of the atlas with your draft", "Förhandsvisning av atlasen med ditt utkast";
    new_record: "New record", "Ny post";
    field_id: "Id", "Id";
    field_code: "Country", "Land";
    field_region: "Region", "Region";
    field_summary: "Summary", "Sammanfattning";
    field_source: "Source", "Källa";
    field_name: "Name", "Namn";
    field_description: "Description", "Beskrivning";
    field_role: "Role", "Roll";
    field_member_of: "Member of", "Medlem i";
    field_website: "Website", "Webbplats";
    field_kind: "Kind", "Typ";
    field_organisation: "Organisation", "Organisation";
    field_country: "Country", "Land";
    field_city: "City", "Stad";
    field_since: "Since", "Sedan";
    field_countries: "Countries", "Länder";
    field_url: "LinkedIn address", "LinkedIn-adress";
    field_web_address: "Web address", "Webbadress";
    field_date: "Date", "Datum";
    field_title: "Title", "Rubrik";
    field_months: "Months", "Månader";
    field_organiser: "Organiser", "Arrangör";
    field_updated: "Data as of", "Uppgifter per";
    hint_id: "Made from the name. Letters a–z, digits and hyphens; no other record may have it.",
        "Görs av namnet. Bokstäverna a–z, siffror och bindestreck; ingen annan post får ha det.";
    hint_link: "An address that starts with https://", "En adress som börjar med https://";
    hint_source: "The https address of the public page that says this.", "https-adressen till den offentliga sida som säger detta.";
    hint_url: "Only an address a public source shows. Leave it empty otherwise: the atlas then offers a LinkedIn search.",
        "Bara en adress som en offentlig källa visar. Lämna tomt annars: atlasen erbjuder då en sökning på LinkedIn.";
    hint_date: "YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-04-01", "ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, till exempel 2019-04-01";
    hint_choose_country: "Type to search, then choose with the arrow keys and Enter.", "Skriv för att söka, välj sedan med piltangenterna och Enter.";
    kind_countries: "Countries", "Länder";
    kind_organisations: "Organisations", "Organisationer";
    kind_offices: "Offices and scouts", "Kontor och scouter";
    kind_groups: "LinkedIn groups", "LinkedIn-grupper";
    kind_events: "Dated facts", "Daterade uppgifter";
    kind_activities: "Annual cycle", "Årshjul";
    role_main_coordinator: "Main coordinator", "Huvudsamordnare";
    role_coordinator: "Coordinator", "Samordnare";
    role_member: "Member", "Medlem";
    role_co_opted: "Co-opted", "Adjungerad";
    presence_office: "Office", "Kontor";
    presence_scout: "Innovation scouts", "Innovationsscouter";
}

/// "Offices and scouts", the list of a kind of record.
pub fn kind_name(kind: RecordKind, lang: Lang) -> &'static str {
    let s = t(lang);
    match kind {
        RecordKind::Country => s.kind_countries,
        RecordKind::Organisation => s.kind_organisations,
        RecordKind::Office => s.kind_offices,
        RecordKind::Group => s.kind_groups,
        RecordKind::Event => s.kind_events,
        RecordKind::Activity => s.kind_activities,
    }
}

/// "Add an office", for the button that adds a record of `kind`.
pub fn add_record(kind: RecordKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RecordKind::Country, Lang::En) => "Add a country",
        (RecordKind::Country, Lang::Sv) => "Lägg till ett land",
        (RecordKind::Organisation, Lang::En) => "Add an organisation",
        (RecordKind::Organisation, Lang::Sv) => "Lägg till en organisation",
        (RecordKind::Office, Lang::En) => "Add an office or scouts",
        (RecordKind::Office, Lang::Sv) => "Lägg till ett kontor eller scouter",
        (RecordKind::Group, Lang::En) => "Add a LinkedIn group",
        (RecordKind::Group, Lang::Sv) => "Lägg till en LinkedIn-grupp",
        (RecordKind::Event, Lang::En) => "Add a dated fact",
        (RecordKind::Event, Lang::Sv) => "Lägg till en daterad uppgift",
        (RecordKind::Activity, Lang::En) => "Add an annual-cycle activity",
        (RecordKind::Activity, Lang::Sv) => "Lägg till en aktivitet i årshjulet",
    }
}

/// "3 problems" / "3 problem".
pub fn problem_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 problem".into(),
        (Lang::En, n) => format!("{n} problems"),
        (Lang::Sv, n) => format!("{n} problem"),
    }
}

/// "12 records" / "12 poster".
pub fn record_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 record".into(),
        (Lang::En, n) => format!("{n} records"),
        (Lang::Sv, 1) => "1 post".into(),
        (Lang::Sv, n) => format!("{n} poster"),
    }
}

/// "Saved in this browser at 14:03."
/// "2 fields left to choose."
pub fn conflicts_left(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "Choose a version for 1 more field.".into(),
        (Lang::En, n) => format!("Choose a version for {n} more fields."),
        (Lang::Sv, 1) => "Välj en version för 1 fält till.".into(),
        (Lang::Sv, n) => format!("Välj en version för {n} fält till."),
    }
}

pub fn saved_at(time: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Saved in this browser at {time}."),
        Lang::Sv => format!("Sparat i den här webbläsaren kl. {time}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_editor_text_has_both_languages() {
        for lang in Lang::ALL {
            for (key, text) in t(lang).entries() {
                assert!(!text.trim().is_empty(), "{key} is empty in {lang:?}");
            }
        }
        assert_eq!(t(Lang::Sv).there_is_a_problem, "Det finns ett problem");
    }
}
