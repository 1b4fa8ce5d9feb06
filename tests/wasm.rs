//! The JavaScript boundary, run under Node by wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("reading a property of a plain object")
}

#[wasm_bindgen_test]
fn parse_returns_a_plain_object_in_camel_case() {
    let text = "Talks resume – live\n\nDelegates met again on Friday, officials said.\n\n\
                10:15 GMT – Geneva: Delegates arrive\n\nThe first cars arrived at 10am.\n\n\
                09:40 GMT – Geneva: Security tightened\n\nRoads were closed.\n";
    let blog =
        liveblog_index::wasm::parse(text.into(), JsValue::UNDEFINED).expect("valid text parses");
    assert!(blog.is_object());
    let updates: js_sys::Array = get(&blog, "updates")
        .dyn_into()
        .expect("updates is an array");
    assert_eq!(updates.length(), 2);
    let first = updates.get(0);
    assert_eq!(
        get(&first, "headline").as_string().as_deref(),
        Some("Geneva: Delegates arrive")
    );
    assert_eq!(
        get(&first, "time").as_string().as_deref(),
        Some("10:15 GMT")
    );
    // Absent values are null, never undefined, so every key is there.
    assert!(get(&first, "number").is_null());
    assert!(get(&first, "dayHeading").is_null());
    assert!(js_sys::Array::is_array(&get(&blog, "quotes")));
}

#[wasm_bindgen_test]
fn non_string_input_is_a_js_error_with_a_code() {
    let err = liveblog_index::wasm::parse(JsValue::from_f64(42.0), JsValue::UNDEFINED)
        .expect_err("a number is not a live blog");
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("LB_INPUT_TYPE")
    );
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("got number"), "{message}");
}

#[wasm_bindgen_test]
fn binary_input_is_refused_with_a_code() {
    let err = liveblog_index::wasm::parse("GIF89a\0\0".into(), JsValue::UNDEFINED)
        .expect_err("NUL bytes are not text");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("LB_NOT_TEXT")
    );
}

#[wasm_bindgen_test]
fn the_live_blog_class_filters_quotes_and_rejects_bad_filters() {
    let text = "Port talks – live\n\nTalks resumed on Monday, officials said.\n\n\
                Union answers\n\n“We want a fair deal,” union leader Tomas Berg told reporters.\n";
    let blog = liveblog_index::wasm::Blog::from_text(text.into()).expect("valid text parses");
    let filter = js_sys::Object::new();
    Reflect::set(&filter, &"speaker".into(), &"BERG".into()).expect("setting a property");
    let found: js_sys::Array = blog
        .quotes(filter.into())
        .expect("a valid filter")
        .dyn_into()
        .expect("an array");
    assert_eq!(found.length(), 1);
    let speaker = get(&found.get(0), "speaker");
    assert_eq!(
        get(&speaker, "name").as_string().as_deref(),
        Some("Tomas Berg")
    );
    let bad = js_sys::Object::new();
    Reflect::set(&bad, &"words".into(), &JsValue::from_f64(1.0)).expect("setting a property");
    let err = blog.quotes(bad.into()).expect_err("a number is not words");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("LB_OPTIONS"));
}

#[wasm_bindgen_test]
fn html_with_read_options() {
    let page = "<div><article id=a><h2>Second</h2><time>16m ago</time><p>Words of the second post.</p></article>\
                <article id=b><h2>First</h2><time>2h ago</time><p>Words of the first post.</p></article></div>";
    let options = js_sys::Object::new();
    Reflect::set(&options, &"now".into(), &"2026-03-14T12:00:00Z".into()).unwrap();
    let blog = liveblog_index::wasm::parse(page.into(), options.into()).expect("HTML parses");
    assert_eq!(
        get(&blog, "format").as_string().as_deref(),
        Some("html: generic")
    );
    let first = js_sys::Array::from(&get(&blog, "updates")).get(0);
    assert_eq!(
        get(&first, "timestamp").as_string().as_deref(),
        Some("2026-03-14T11:44:00+00:00")
    );
    assert_eq!(get(&first, "anchor").as_string().as_deref(), Some("#a"));
    // A `now` that is no moment is refused with a code.
    let bad = js_sys::Object::new();
    Reflect::set(&bad, &"now".into(), &"teatime".into()).unwrap();
    let err = liveblog_index::wasm::parse(page.into(), bad.into()).expect_err("bad now");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("LB_OPTIONS"));
    // `posts`: the input is posts themselves, so a lone one is read as a post.
    let lone =
        "<article id=c><h2>Third</h2><time>1m ago</time><p>Words of the third post.</p></article>";
    let posts = js_sys::Object::new();
    Reflect::set(&posts, &"posts".into(), &JsValue::TRUE).unwrap();
    let blog = liveblog_index::wasm::parse(lone.into(), posts.into()).expect("a post parses");
    assert_eq!(js_sys::Array::from(&get(&blog, "updates")).length(), 1);
    let bad = js_sys::Object::new();
    Reflect::set(&bad, &"posts".into(), &"yes".into()).unwrap();
    let err = liveblog_index::wasm::parse(lone.into(), bad.into()).expect_err("bad posts");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("LB_OPTIONS"));
}
