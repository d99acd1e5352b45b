//! A section that opens with a button (aria-expanded), for long forms that most visits
//! don't need: registering a unit, adding a perk.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    pub label: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <div class="ll-card">
            <button class="ll-summary ll-link" aria-expanded={open.to_string()} onclick={toggle}>
                { if *open { "▾ " } else { "▸ " } }{ props.label.clone() }
            </button>
            if *open {
                { props.children.clone() }
            }
        </div>
    }
}
