//! The bottom tab bar: 首页 / 活动 / 项目 / 心愿 / 我的.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::use_app;

#[component]
pub fn TabBar() -> Html {
    let lang = use_app().lang();
    let current = use_route::<Route>();
    let tabs = [
        (Route::Home, T::TabHome, "⌂"),
        (Route::Activities, T::TabActivities, "✿"),
        (Route::Projects, T::TabProjects, "▦"),
        (Route::Wishes, T::TabWishes, "♡"),
        (Route::Me, T::TabMe, "☺"),
    ];
    html! {
        <nav class="ll-tabs" aria-label={lang.t(T::MainNav)}>
            { for tabs.into_iter().map(|(route, text, icon)| {
                let active = current.as_ref() == Some(&route);
                html! {
                    <Link<Route> to={route} classes={classes!("ll-tab", active.then_some("ll-active"))}>
                        <span class="ll-tab-icon" aria-hidden="true">{ icon }</span>
                        <span aria-current={active.then_some("page")}>{ lang.t(text) }</span>
                    </Link<Route>>
                }
            }) }
        </nav>
    }
}
