//! The read-only row list (`linli::ui::rows`) in headless Chromium: its rows are drawn
//! from one HTML string, so markup in a row's text or in the list's class or name must
//! come out as that text, never as an element or an attribute.
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test browser_rows`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use linli::ui::rows::{Row, RowList, RowListProps, escape_into};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;
use yew::AttrValue;

wasm_bindgen_test_configure!(run_in_browser);

const PAYLOADS: [&str; 8] = [
    r#"<img src=x onerror="window.__xss=1">"#,
    "<script>window.__xss=1</script>",
    r#""><svg onload=window.__xss=1>"#,
    "'><iframe src=javascript:window.__xss=1>",
    "</span></li></ul><img src=x onerror=__xss=1>",
    "&lt;b&gt; is not <b>",
    "a & b, \"quoted\" and 'single'",
    "协助楼道清理 <心愿>",
];

/// Draws `props` into a fresh element of the document and returns it once drawn.
async fn draw(props: RowListProps) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<RowList>::with_root_and_props(root.clone(), props).render();
    // Yew draws in a microtask; a timer runs after it.
    TimeoutFuture::new(0).await;
    root
}

/// Every element under `root` is one the list writes, with only its own attributes.
fn assert_inert(root: &Element) {
    let all = root.query_selector_all("*").unwrap();
    for i in 0..all.length() {
        let element: Element = wasm_bindgen::JsCast::unchecked_into(all.item(i).unwrap());
        let tag = element.tag_name().to_lowercase();
        assert!(
            ["ul", "li", "span", "strong"].contains(&tag.as_str()),
            "unexpected <{tag}>: {}",
            element.outer_html()
        );
        let names = element.get_attribute_names();
        for name in names.iter() {
            let name = name.as_string().unwrap();
            assert!(
                name == "class" || name == "aria-label",
                "unexpected attribute {name}: {}",
                element.outer_html()
            );
        }
    }
    let window = web_sys::window().unwrap();
    let ran = js_sys::Reflect::get(&window, &"__xss".into()).unwrap();
    assert!(ran.is_undefined(), "a payload ran");
}

#[wasm_bindgen_test]
fn escaping_replaces_the_five_characters_and_keeps_the_rest() {
    let cases = [
        ("", ""),
        ("plain 文字", "plain 文字"),
        ("<b>", "&lt;b&gt;"),
        ("a&b", "a&amp;b"),
        (r#"say "hi" 'there'"#, "say &quot;hi&quot; &#39;there&#39;"),
        ("&amp;", "&amp;amp;"),
        ("心<愿>", "心&lt;愿&gt;"),
    ];
    for (text, escaped) in cases {
        let mut out = String::new();
        escape_into(&mut out, text);
        assert_eq!(out, escaped, "escaping {text:?}");
    }
}

#[wasm_bindgen_test]
async fn markup_in_rows_shows_as_text() {
    let rows: Rc<[Row]> = PAYLOADS
        .iter()
        .map(|text| {
            Row::new()
                .strong(text)
                .cell("ll-muted", text)
                .cell("", text)
        })
        .collect();
    let root = draw(RowListProps {
        class: AttrValue::Static("ll-list"),
        label: Some(AttrValue::Static("rows")),
        rows,
    })
    .await;
    assert_inert(&root);
    let items = root.query_selector_all("ul > li.ll-row-item").unwrap();
    assert_eq!(items.length() as usize, PAYLOADS.len());
    for (i, text) in PAYLOADS.iter().enumerate() {
        let item: Element = wasm_bindgen::JsCast::unchecked_into(items.item(i as u32).unwrap());
        let cells = item.children();
        assert_eq!(cells.length(), 3, "row {i}: {}", item.outer_html());
        for c in 0..3 {
            assert_eq!(cells.item(c).unwrap().text_content().unwrap(), *text);
        }
        assert_eq!(cells.item(0).unwrap().tag_name(), "STRONG");
        assert_eq!(cells.item(1).unwrap().class_name(), "ll-muted");
    }
}

#[wasm_bindgen_test]
async fn markup_in_the_class_and_name_stays_in_the_attribute() {
    let class = r#"ll-list" onclick="window.__xss=1"#;
    let label = r#""><img src=x onerror="window.__xss=1">"#;
    let root = draw(RowListProps {
        class: AttrValue::Static(class),
        label: Some(AttrValue::Static(label)),
        rows: Rc::from(vec![Row::new().cell("", "one")]),
    })
    .await;
    assert_inert(&root);
    let list = root.query_selector("ul").unwrap().unwrap();
    assert_eq!(list.get_attribute("class").unwrap(), class);
    assert_eq!(list.get_attribute("aria-label").unwrap(), label);
}

#[wasm_bindgen_test]
async fn a_list_without_a_name_has_no_aria_label() {
    let rows: Rc<[Row]> = (0..3)
        .map(|i| Row::new().cell("", &i.to_string()))
        .collect();
    let root = draw(RowListProps {
        class: AttrValue::Static("ll-list"),
        label: None,
        rows,
    })
    .await;
    assert_eq!(root.query_selector_all("li").unwrap().length(), 3);
    assert!(
        root.query_selector("ul:not([aria-label])")
            .unwrap()
            .is_some()
    );
}
