//! The mapping screen for an imported CSV or IOF XML file: how each column was
//! understood, what the organizer can correct, and the button that shows the results.
//! It runs in the on-demand module: the viewer hands it the file's bytes and gets back
//! a results JSON (or the reason the file cannot be read) through [`ImportCtx`].
use std::sync::Arc;

use leptos::prelude::*;

use super::age_sheets::{AgeInput, AgeSheets};
use crate::i18n::messages::Message;
use crate::i18n::{fill, format_int, Lang, Texts};
use crate::import::{
    self, guess_distances, guess_mapping, Conversion, Encoding, Field, ImportError, ImportNote,
    Mapping, NameOrder, ReadOptions, Table,
};

/// What the screen shares with the viewer that opened it.
#[derive(Clone, Copy)]
pub struct ImportCtx {
    pub lang: RwSignal<Lang>,
    /// The converted results JSON, when the organizer presses "Show results".
    pub done: Callback<String>,
    /// The file cannot be read (at all, or in the encoding chosen).
    pub failed: Callback<ImportError>,
}

impl ImportCtx {
    pub(super) fn texts(&self) -> &'static Texts {
        self.lang.get().texts()
    }
}

pub(super) fn use_ui() -> ImportCtx {
    expect_context::<ImportCtx>()
}

/// The file as the viewer handed it over, read as CSV or IOF XML.
pub struct ImportDraft {
    pub file_name: String,
    /// Kept so the CSV can be read again in another encoding.
    pub bytes: Arc<Vec<u8>>,
    pub kind: DraftKind,
}

pub enum DraftKind {
    Csv(Table),
    Iof(Conversion),
}

impl ImportDraft {
    /// Reads the file the way `import::detect` classified it.
    pub fn read(file_name: String, bytes: Vec<u8>) -> Result<ImportDraft, ImportError> {
        let kind = match import::detect(&bytes, &file_name) {
            import::Kind::IofXml => DraftKind::Iof(import::read_iof_xml(&bytes)?),
            _ => DraftKind::Csv(import::read_table(&bytes, &file_name)?),
        };
        Ok(ImportDraft {
            file_name,
            bytes: Arc::new(bytes),
            kind,
        })
    }
}

/// The screen for one opened file; choosing another encoding reads it again in place.
#[component]
pub fn ImportRoot(draft: ImportDraft) -> impl IntoView {
    let draft = RwSignal::new(Arc::new(draft));
    provide_context(draft);
    provide_context(AgeInput::default());
    move || view! { <ImportScreen draft=draft.get() /> }
}

/// At most this many notes are listed; the heading gives the count.
const NOTES_SHOWN: usize = 20;
const EXAMPLES: usize = 3;

#[component]
fn ImportScreen(draft: Arc<ImportDraft>) -> impl IntoView {
    let ui = use_ui();
    let name = draft.file_name.clone();
    let body = match &draft.kind {
        DraftKind::Csv(table) => {
            view! { <CsvMapping draft=draft.clone() table=table.clone() /> }.into_any()
        }
        DraftKind::Iof(conv) => view! { <IofSummary conv=conv.clone() /> }.into_any(),
    };
    view! {
        <section class="import" data-testid="import-mapping">
            <h2>{move || fill(ui.texts().import_title, &[&name])}</h2>
            <p class="hint">{move || ui.texts().import_intro}</p>
            {body}
        </section>
    }
}

/// Hands the converted results, with the age tables when sheets were added, to the
/// viewer (which keeps the JSON for download); or says why the sheets do not fit.
fn apply(ui: ImportCtx, age: AgeInput, mut conv: Conversion) {
    match age.apply_to(&mut conv.json) {
        Ok(()) => ui.done.run(conv.json.to_string()),
        Err(e) => age.error.set(Some(e)),
    }
}

#[component]
fn CsvMapping(draft: Arc<ImportDraft>, table: Table) -> impl IntoView {
    let ui = use_ui();
    let mapping = RwSignal::new(guess_mapping(&table));
    let table = Arc::new(table);
    let rows = table.rows.len();
    let encoding = table.encoding;
    let reopened = expect_context::<RwSignal<Arc<ImportDraft>>>();
    let reread = {
        let draft = draft.clone();
        move |ev: leptos::ev::Event| {
            let label = event_target_value(&ev);
            let Some(enc) = Encoding::ALL.into_iter().find(|e| e.label() == label) else {
                return;
            };
            let options = ReadOptions {
                encoding: Some(enc),
                delimiter: None,
            };
            match import::read_table_with(&draft.bytes, &draft.file_name, options) {
                Ok(t) => reopened.set(Arc::new(ImportDraft {
                    file_name: draft.file_name.clone(),
                    bytes: draft.bytes.clone(),
                    kind: DraftKind::Csv(t),
                })),
                Err(e) => ui.failed.run(e),
            }
        }
    };
    let columns = (0..table.headers.len())
        .map(|i| view! { <ColumnRow table=table.clone() index=i mapping=mapping /> })
        .collect_view();
    let apply_table = table.clone();
    let age = expect_context::<AgeInput>();
    let on_apply = move |_: leptos::ev::MouseEvent| {
        apply(
            ui,
            age,
            import::convert(&apply_table, &mapping.get_untracked()),
        );
    };
    let notes = table.notes.clone();
    let bib_from_id = mapping
        .with_untracked(|m| m.bib_from_id.clone())
        .map(|header| {
            view! {
                <p class="notice" data-testid="import-bib-from-id">
                    {move || fill(ui.texts().import_bib_from_id, &[&header])}
                </p>
            }
        });
    view! {
        <div class="import-meta">
            <label>
                {move || ui.texts().import_encoding}
                <select on:change=reread>
                    {Encoding::ALL
                        .into_iter()
                        .map(|e| view! { <option prop:selected=e == encoding>{e.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <TextField
                label=Signal::derive(move || ui.texts().import_event_name)
                value=Signal::derive(move || mapping.with(|m| m.event_name.clone()))
                set=Callback::new(move |v: String| mapping.update(|m| m.event_name = v))
            />
            // The race day: ages on it from birth dates, and the event's date in the file.
            <TextField
                label=Signal::derive(move || ui.texts().import_event_date)
                value=Signal::derive(move || mapping.with(|m| m.event_date.clone().unwrap_or_default()))
                set=Callback::new(move |v: String| mapping.update(|m| m.event_date = Some(v).filter(|d| !d.is_empty())))
                kind="date"
            />
            <DistanceFields mapping=mapping />
            <label>
                {move || ui.texts().import_name_order}
                <select on:change=move |ev| {
                    let order = match event_target_value(&ev).as_str() {
                        "first" => NameOrder::FirstLast,
                        "last" => NameOrder::LastFirst,
                        _ => NameOrder::Auto,
                    };
                    mapping.update(|m| m.name_order = order);
                }>
                    <option value="auto">{move || ui.texts().order_auto}</option>
                    <option value="first" prop:selected=move || mapping.with(|m| m.name_order == NameOrder::FirstLast)>
                        {move || ui.texts().order_first_last}
                    </option>
                    <option value="last" prop:selected=move || mapping.with(|m| m.name_order == NameOrder::LastFirst)>
                        {move || ui.texts().order_last_first}
                    </option>
                </select>
            </label>
            <p>{move || fill(ui.texts().import_rows, &[&format_int(rows as u64, ui.lang.get())])}</p>
        </div>
        {bib_from_id}
        <div class="table-scroll">
            <table class="columns">
                <thead>
                    <tr>
                        <th scope="col">{move || ui.texts().import_column}</th>
                        <th scope="col">{move || ui.texts().import_examples}</th>
                        <th scope="col">{move || ui.texts().import_meaning}</th>
                    </tr>
                </thead>
                <tbody>{columns}</tbody>
            </table>
        </div>
        <Notes notes=notes />
        <AgeSheets age=age />
        <button type="button" class="primary" data-testid="import-apply" on:click=on_apply>
            {move || ui.texts().import_apply}
        </button>
    }
}

#[component]
fn ColumnRow(table: Arc<Table>, index: usize, mapping: RwSignal<Mapping>) -> impl IntoView {
    let ui = use_ui();
    let header = table.headers.get(index).cloned().unwrap_or_default();
    let examples: Vec<String> = table
        .rows
        .iter()
        .filter_map(|r| r.get(index))
        .filter(|v| !v.trim().is_empty())
        .take(EXAMPLES)
        .cloned()
        .collect();
    let current = move || mapping.with(|m| m.columns.get(index).cloned().unwrap_or(Field::Ignore));
    let head = header.clone();
    let choose = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        let Some(field) = Field::from_key(&key, &head) else {
            return;
        };
        mapping.update(|m| {
            if let Some(c) = m.columns.get_mut(index) {
                let touches_distance = *c == Field::Distance || field == Field::Distance;
                *c = field;
                if touches_distance {
                    m.distances = guess_distances(&table, &m.columns);
                }
            }
        });
    };
    let select_id = format!("import-col-{index}");
    view! {
        <tr>
            <th scope="row">
                <label for=select_id.clone()>{header.clone()}</label>
            </th>
            <td class="examples">{examples.join(" · ")}</td>
            <td>
                <select id=select_id on:change=choose>
                    {Field::CHOICES
                        .iter()
                        .cloned()
                        .chain([Field::Split(header.clone())])
                        .map(|f| {
                            let key = f.key();
                            view! {
                                <option value=key prop:selected=move || current().key() == key>
                                    {move || ui.texts().fields.label(&f)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
        </tr>
    }
}

/// The single distance's name and length, or one line per value of the Distance column.
#[component]
fn DistanceFields(mapping: RwSignal<Mapping>) -> impl IntoView {
    let ui = use_ui();
    move || {
        let specs = mapping.with(|m| m.distances.clone());
        if specs.is_empty() {
            view! {
                <TextField
                    label=Signal::derive(move || ui.texts().import_distance_name)
                    value=Signal::derive(move || mapping.with(|m| m.distance_name.clone()))
                    set=Callback::new(move |v: String| mapping.update(|m| m.distance_name = v))
                />
                <KmField
                    value=Signal::derive(move || mapping.with(|m| m.distance_km))
                    set=Callback::new(move |v| mapping.update(|m| m.distance_km = v))
                />
            }
            .into_any()
        } else {
            specs
                .into_iter()
                .enumerate()
                .map(|(i, spec)| {
                    view! {
                        <fieldset class="distance-spec">
                            <legend>{spec.value.clone()}</legend>
                            <TextField
                                label=Signal::derive(move || ui.texts().import_distance_name)
                                value=Signal::derive(move || mapping.with(|m| m.distances.get(i).map(|d| d.name.clone()).unwrap_or_default()))
                                set=Callback::new(move |v: String| mapping.update(|m| if let Some(d) = m.distances.get_mut(i) { d.name = v }))
                            />
                            <KmField
                                value=Signal::derive(move || mapping.with(|m| m.distances.get(i).and_then(|d| d.km)))
                                set=Callback::new(move |v| mapping.update(|m| if let Some(d) = m.distances.get_mut(i) { d.km = v }))
                            />
                        </fieldset>
                    }
                })
                .collect_view()
                .into_any()
        }
    }
}

#[component]
fn TextField(
    label: Signal<&'static str>,
    value: Signal<String>,
    set: Callback<String>,
    /// The input's type: "text", or "date" for a calendar picker.
    #[prop(default = "text")]
    kind: &'static str,
) -> impl IntoView {
    view! {
        <label>
            {label}
            <input type=kind prop:value=value on:change=move |ev| set.run(event_target_value(&ev)) />
        </label>
    }
}

#[component]
fn KmField(value: Signal<Option<f64>>, set: Callback<Option<f64>>) -> impl IntoView {
    let ui = use_ui();
    view! {
        <label>
            {move || ui.texts().import_km}
            <input
                type="number"
                inputmode="decimal"
                min="0"
                step="any"
                prop:value=move || value.get().map(|k| k.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev).replace(',', ".").parse::<f64>().ok();
                    set.run(v.filter(|k| k.is_finite() && *k > 0.0));
                }
            />
        </label>
    }
}

#[component]
fn IofSummary(conv: Conversion) -> impl IntoView {
    let ui = use_ui();
    let classes = conv.json["distances"].as_array().map_or(0, |d| d.len());
    let rows = conv.rows_in;
    let event = RwSignal::new(
        conv.json["event"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    );
    let notes = conv.notes.clone();
    let conv = Arc::new(conv);
    let age = expect_context::<AgeInput>();
    let on_apply = move |_: leptos::ev::MouseEvent| {
        let mut c = (*conv).clone();
        c.json["event"]["name"] = serde_json::Value::String(event.get_untracked());
        apply(ui, age, c);
    };
    view! {
        <div class="import-meta">
            <TextField
                label=Signal::derive(move || ui.texts().import_event_name)
                value=Signal::derive(move || event.get())
                set=Callback::new(move |v: String| event.set(v))
            />
            <p>{move || fill(ui.texts().import_classes, &[&format_int(classes as u64, ui.lang.get())])}</p>
            <p>{move || fill(ui.texts().import_rows, &[&format_int(rows as u64, ui.lang.get())])}</p>
        </div>
        <Notes notes=notes />
        <AgeSheets age=age />
        <button type="button" class="primary" data-testid="import-apply" on:click=on_apply>
            {move || ui.texts().import_apply}
        </button>
    }
}

#[component]
fn Notes(notes: Vec<ImportNote>) -> impl IntoView {
    let ui = use_ui();
    if notes.is_empty() {
        return ().into_any();
    }
    let n = notes.len();
    view! {
        <details class="import-notes">
            <summary>{move || fill(ui.texts().import_notes, &[&format_int(n as u64, ui.lang.get())])}</summary>
            <ul>
                {move || {
                    let lang = ui.lang.get();
                    notes.iter().take(NOTES_SHOWN).map(|note| view! { <li>{note.text(lang)}</li> }).collect_view()
                }}
            </ul>
        </details>
    }
    .into_any()
}
