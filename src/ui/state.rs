//! The viewer's state: a few signals (what the user chose) and the loaded file. Everything
//! a view shows is derived from these; the URL mirrors them.
use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::{Dataset, Selection, SortBy, StatusFilter};
use crate::domain::Sex;
pub use crate::failure::Failure;
use crate::i18n::{Lang, Texts};
use crate::url_state::UrlState;

#[derive(Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<Dataset>),
    Failed(Arc<Failure>),
    /// A CSV or IOF XML file waiting on the mapping screen.
    Importing(Arc<ImportDraft>),
}

/// An opened CSV or XML file before it becomes results: the on-demand importer reads it
/// (see ui::import_host).
pub struct ImportDraft {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// The load that opened it (a later load makes its outcome moot).
    pub generation: u32,
}

/// Which main view is open.
/// What a button's piece of work (saving a copy, making a zip) is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    Idle,
    Busy,
    Failed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Results,
    Podiums,
    /// Team standings and relay teams (`view=teams`).
    Teams,
}

#[derive(Clone, Copy)]
pub struct Ui {
    pub lang: RwSignal<Lang>,
    pub q: RwSignal<String>,
    pub distance: RwSignal<String>,
    pub sex: RwSignal<String>,
    pub category: RwSignal<String>,
    pub status: RwSignal<String>,
    pub sort: RwSignal<String>,
    pub page: RwSignal<usize>,
    pub runner: RwSignal<Option<String>>,
    pub view: RwSignal<View>,
    pub theme: RwSignal<Option<String>>,
    pub embed: RwSignal<bool>,
    pub src: RwSignal<Option<String>>,
    pub load: RwSignal<LoadState>,
    /// Name of the local file on screen, if one was opened (it has no URL to share).
    pub local_file: RwSignal<Option<String>>,
    /// That file itself, for the offline copy (a handle to the browser's file; no copy
    /// of its bytes is kept in wasm memory).
    pub local_blob: StoredValue<Option<web_sys::Blob>, LocalStorage>,
    /// The other origin the results on screen came from, when the deployment allows
    /// one; None for the page's own origin (see crate::origin).
    pub source: RwSignal<Option<String>>,
    /// Download progress of the file being loaded: (bytes so far, announced size).
    pub progress: RwSignal<Option<crate::web::load::Progress>>,
    /// The results JSON of an imported file, for "Download as results JSON".
    pub converted: RwSignal<Option<Arc<String>>>,
    /// Live results: seconds between fetches from the URL (see ui::live).
    pub live: RwSignal<Option<u32>>,
    /// The bibs the "My runners" filter shows; None when it is off (see ui::stars).
    pub watch: RwSignal<Option<Vec<String>>>,
    /// The organizer's brand from the URL, validated (see crate::embed).
    pub accent: RwSignal<Option<String>>,
    pub font: RwSignal<Option<String>>,
    /// True from a keystroke in the search box, or from a file's arrival, until the
    /// browser has painted: the list then builds only the rows a screen shows, and the
    /// rest of its page just after.
    pub first_screen: RwSignal<bool>,
    /// While results published in parts are only partly in (see ui::parts).
    pub parts: RwSignal<Option<super::parts::PartsStatus>>,
}

impl Ui {
    pub fn new(url: &UrlState, browser_langs: &[String]) -> Ui {
        let lang = url
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .or_else(|| browser_langs.iter().find_map(|l| Lang::from_code(l)))
            .unwrap_or_default();
        let ui = Ui {
            lang: RwSignal::new(lang),
            q: RwSignal::new(String::new()),
            distance: RwSignal::new(String::new()),
            sex: RwSignal::new(String::new()),
            category: RwSignal::new(String::new()),
            status: RwSignal::new(String::new()),
            sort: RwSignal::new(String::new()),
            page: RwSignal::new(0),
            runner: RwSignal::new(None),
            view: RwSignal::new(View::Results),
            theme: RwSignal::new(None),
            embed: RwSignal::new(false),
            src: RwSignal::new(None),
            load: RwSignal::new(LoadState::Loading),
            local_file: RwSignal::new(None),
            local_blob: StoredValue::new_local(None),
            source: RwSignal::new(None),
            converted: RwSignal::new(None),
            progress: RwSignal::new(None),
            live: RwSignal::new(None),
            watch: RwSignal::new(None),
            accent: RwSignal::new(None),
            font: RwSignal::new(None),
            first_screen: RwSignal::new(false),
            parts: RwSignal::new(None),
        };
        ui.apply_url(url);
        ui
    }

    /// Sets the view from a URL (on load and on Back / Forward).
    pub fn apply_url(&self, url: &UrlState) {
        if let Some(l) = url.lang.as_deref().and_then(Lang::from_code) {
            self.lang.set(l);
        }
        self.q.set(url.q.clone());
        self.distance.set(url.distance.clone());
        self.sex.set(url.sex.clone());
        self.category.set(url.category.clone());
        self.status.set(url.status.clone());
        self.sort.set(url.sort.clone());
        self.page.set(url.page);
        self.runner.set(url.runner.clone());
        self.view.set(match url.view.as_str() {
            "podiums" => View::Podiums,
            "teams" => View::Teams,
            _ => View::Results,
        });
        self.theme.set(url.theme.clone());
        self.embed.set(url.embed);
        self.src.set(url.src.clone());
        self.live.set(url.live);
        self.watch.set(url.watch.clone());
        self.accent.set(url.accent.clone());
        self.font.set(url.font.clone());
        super::parts::want(*self);
    }

    /// The URL of the current view (tracks every signal it reads).
    pub fn url(&self) -> UrlState {
        UrlState {
            src: self.src.get(),
            q: self.q.get(),
            distance: self.distance.get(),
            sex: self.sex.get(),
            category: self.category.get(),
            status: self.status.get(),
            sort: self.sort.get(),
            page: self.page.get(),
            runner: self.runner.get(),
            lang: Some(self.lang.get().code().to_string()),
            theme: self.theme.get(),
            embed: self.embed.get(),
            view: match self.view.get() {
                View::Podiums => "podiums".into(),
                View::Teams => "teams".into(),
                View::Results => String::new(),
            },
            live: self.live.get(),
            watch: self.watch.get(),
            accent: self.accent.get(),
            font: self.font.get(),
        }
    }

    /// Records where fetched results came from (only a change is written).
    pub fn set_source(&self, from: &crate::origin::Access) {
        let other = match from {
            crate::origin::Access::Allowed(o) | crate::origin::Access::Refused(o) => {
                Some(o.clone())
            }
            crate::origin::Access::Own => None,
        };
        if self.source.get_untracked() != other {
            self.source.set(other);
        }
    }

    pub fn texts(&self) -> &'static Texts {
        self.lang.get().texts()
    }

    /// One interface text as a reactive view. Every call site shares this one closure
    /// type, so Leptos instantiates the reactive-text view code once, not per text.
    pub fn text(
        self,
        pick: fn(&'static Texts) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.lang.get().texts())
    }

    /// For parts rebuilt whenever the language changes anyway.
    pub fn texts_untracked(&self) -> &'static Texts {
        self.lang.get_untracked().texts()
    }

    /// For component bodies that are rebuilt whenever the file changes anyway.
    pub fn dataset_untracked(&self) -> Option<Arc<Dataset>> {
        match self.load.get_untracked() {
            LoadState::Ready(d) => Some(d),
            _ => None,
        }
    }

    pub fn dataset(&self) -> Option<Arc<Dataset>> {
        match self.load.get() {
            LoadState::Ready(d) => Some(d),
            _ => None,
        }
    }

    /// The list request: filters resolved against the loaded file.
    pub fn selection(&self, data: &Dataset) -> Selection {
        let category = self.category.get();
        Selection {
            query: self.q.get(),
            distance: data.distance_index(&self.distance.get()),
            sex: Sex::from_code(&self.sex.get()),
            category: (!category.is_empty()).then_some(category),
            status: StatusFilter::from_code(&self.status.get()),
            sort: SortBy::from_code(&self.sort.get()),
        }
    }

    /// A keystroke in the search box: the first screen of rows follows at once, the
    /// rest of the page once that is painted, so typing stays fluid on a slow phone.
    pub fn type_query(&self, value: String) {
        self.first_screen_first();
        self.set_filter(self.q, value);
        super::parts::want(*self);
    }

    /// The next list update builds the first screen of rows, the rest after a paint.
    pub fn first_screen_first(&self) {
        self.first_screen.set(true);
        let first_screen = self.first_screen;
        crate::web::browser::after_paint(move || first_screen.set(false));
    }

    /// Any change of filter starts again at the first page.
    pub fn set_filter(&self, signal: RwSignal<String>, value: String) {
        signal.set(value);
        self.page.set(0);
    }
}

/// A text made from the language and some values, as a reactive view. The closure is
/// boxed, so every call site shares one view type (one copy of Leptos' code for it).
pub fn dyn_text(
    f: Box<dyn Fn() -> String + Send + Sync>,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || f()
}

pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}
