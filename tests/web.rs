//! Component tests: mount a component with a loaded file into a test element of a real
//! page in headless Chromium, change what the user changes, and read the DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use race_results::dataset::Dataset;
use race_results::format::parse_results;
use race_results::ui::controls::Controls;
use race_results::ui::podiums::PodiumsView;
use race_results::ui::problems::{LoadErrorPanel, WarningsPanel};
use race_results::ui::result_list::ResultList;
use race_results::ui::runner_card::RunnerCard;
use race_results::ui::state::{Failure, LoadState, Ui};
use race_results::url_state::UrlState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RACE: &str = r#"{
  "format": "results/v1",
  "event": { "name": "Test Race", "date": "2021-09-26", "currency": "KZT" },
  "distances": [
    { "id": "10k", "name": "10 km", "km": 10,
      "awards": { "places": 3, "by": "sex", "prizes": [600000, 500000, 400000] } }
  ],
  "results": [
    { "bib": "1", "name": "Islam Amangos", "sex": "M", "distance": "10k", "chip_time": "0:31:00" },
    { "bib": "2", "name": "Даулет Сейтқали", "sex": "M", "distance": "10k", "chip_time": "0:32:00" },
    { "bib": "3", "name": "Ivan Petrov", "sex": "M", "distance": "10k", "chip_time": "0:32:00" },
    { "bib": "4", "name": "Dana Gussarova", "sex": "F", "distance": "10k", "chip_time": "0:35:00" },
    { "bib": "5", "name": "<img src=x onerror=alert(1)>", "sex": "F", "distance": "10k", "chip_time": "0:40:00" },
    { "bib": "6", "name": "Late Starter", "sex": "F", "distance": "10k", "status": "dns" },
    { "bib": "7", "name": "Lost Runner", "sex": "M", "distance": "99k", "chip_time": "0:50:00" }
  ]
}"#;

/// Mounts `view` under a fresh element with RACE loaded; returns the state and element.
fn mount<V: IntoView + 'static>(url: &str, view: fn() -> V) -> (Ui, web_sys::HtmlElement) {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = slot.clone();
    let url = UrlState::parse(url);
    leptos::mount::mount_to(host.clone(), move || {
        let ui = Ui::new(&url, &[]);
        let data = Dataset::load(RACE.as_bytes()).expect("the test file loads");
        ui.load.set(LoadState::Ready(Arc::new(data)));
        provide_context(ui);
        out.set(Some(ui));
        view()
    })
    .forget();
    (slot.take().expect("mounted"), host)
}

/// Lets Leptos run its scheduled effects and re-render.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn all(host: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn attrs(host: &web_sys::HtmlElement, selector: &str, attr: &str) -> Vec<String> {
    all(host, selector)
        .iter()
        .map(|e| e.get_attribute(attr).unwrap_or_default())
        .collect()
}

fn text(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn list_shows_every_runner_in_finishing_order_with_shared_places() {
    let (_ui, host) = mount("", || view! { <ResultList /> });
    tick().await;
    assert_eq!(
        attrs(&host, "[data-testid=result-row]", "data-bib"),
        ["1", "2", "3", "4", "5", "6", "7"]
    );
    // Equal times share a place; a runner who did not start and one of an unknown
    // distance are listed, without a place.
    assert_eq!(
        attrs(&host, "[data-testid=result-row]", "data-place"),
        ["1", "2", "2", "4", "5", "", ""]
    );
    assert!(text(&host, "[data-testid=result-count]").contains('7'));
}

#[wasm_bindgen_test]
async fn typing_filters_the_list_across_scripts() {
    let (ui, host) = mount("", || view! { <Controls /> <ResultList /> });
    tick().await;
    let input: web_sys::HtmlInputElement = host
        .query_selector("[data-testid=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // A Latin query finds a Cyrillic name, as a runner on a phone would type it.
    input.set_value("dau");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(ui.q.get_untracked(), "dau");
    assert_eq!(attrs(&host, "[data-testid=result-row]", "data-bib"), ["2"]);
    assert!(text(&host, "[data-testid=result-count]").contains('1'));

    ui.q.set("no such runner".into());
    tick().await;
    assert!(all(&host, "[data-testid=result-row]").is_empty());
}

#[wasm_bindgen_test]
async fn sex_filter_from_the_url() {
    let (_ui, host) = mount("?sex=F", || view! { <ResultList /> });
    tick().await;
    assert_eq!(
        attrs(&host, "[data-testid=result-row]", "data-bib"),
        ["4", "5", "6"]
    );
}

#[wasm_bindgen_test]
async fn names_are_text_not_html() {
    let (_ui, host) = mount("", || view! { <ResultList /> });
    tick().await;
    assert!(host.query_selector("img").unwrap().is_none());
    assert!(host
        .text_content()
        .unwrap()
        .contains("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
async fn podiums_with_ties_and_prizes() {
    let (_ui, host) = mount("", || view! { <PodiumsView /> });
    tick().await;
    assert_eq!(
        attrs(&host, "[data-testid=podium]", "data-group"),
        ["M", "F"]
    );
    let men = host
        .query_selector("[data-testid=podium][data-group=M]")
        .unwrap()
        .unwrap();
    let places: Vec<String> = {
        let list = men
            .query_selector_all("[data-testid=podium-entry]")
            .unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::Element>()
                    .get_attribute("data-place")
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(places, ["1", "2", "2"]);
    let men_text = men.text_content().unwrap();
    assert!(men_text.contains("KZT\u{a0}600,000"), "{men_text}");
    assert!(men_text.contains("KZT\u{a0}500,000"), "{men_text}");
}

#[wasm_bindgen_test]
async fn runner_card_places_and_language() {
    let (ui, host) = mount("?runner=4", || view! { <RunnerCard /> });
    tick().await;
    let card = host
        .query_selector("[data-testid=runner-detail]")
        .unwrap()
        .expect("the card is open");
    assert_eq!(card.get_attribute("data-bib").as_deref(), Some("4"));
    let t = card.text_content().unwrap();
    assert!(t.contains("4 of 5"), "{t}");
    assert!(t.contains("1 of 2"), "{t}");
    ui.lang.set(race_results::i18n::Lang::Ru);
    tick().await;
    let t = host.text_content().unwrap();
    assert!(t.contains("4 из 5"), "{t}");
}

#[wasm_bindgen_test]
async fn warnings_name_the_row_bib_and_field() {
    let (_ui, host) = mount("", || view! { <WarningsPanel /> });
    tick().await;
    let items = all(&host, "[data-testid=load-warnings] li");
    assert!(!items.is_empty());
    let lost = items
        .iter()
        .find(|li| li.get_attribute("data-bib").as_deref() == Some("7"))
        .expect("the row with an unknown distance is listed");
    assert_eq!(
        lost.get_attribute("data-field").as_deref(),
        Some("distance")
    );
    assert!(lost.text_content().unwrap().contains("99k"));
}

#[wasm_bindgen_test]
async fn a_syntax_error_says_where() {
    let err = parse_results(b"{\n  \"event\": {\n    \"name\": \"x\",,\n").unwrap_err();
    let failure = Arc::new(Failure::Format(err));
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), move || {
        let ui = Ui::new(&UrlState::default(), &[]);
        provide_context(ui);
        view! { <LoadErrorPanel failure=failure.clone() /> }
    })
    .forget();
    tick().await;
    let t = text(&host, "[data-testid=load-error]");
    assert!(t.contains('3'), "the line is named: {t}");
}
