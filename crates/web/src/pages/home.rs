//! The home page: what each role does here, with the way to it.

use super::{PageUser, Shell, render};
use askama::Template;
use axum::response::Response;
use steunkring_domain::Role;
use steunkring_domain::policy::{OrgAction, permits_in_org};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    shell: Shell,
    title: String,
    roles: Vec<String>,
    is_admin: bool,
    is_professional: bool,
    is_coordinator: bool,
    is_analyst: bool,
}

pub async fn home(user: PageUser) -> Response {
    let shell = Shell::for_actor(user.lang, &user.actor, "/");
    let a = &user.actor;
    let page = HomePage {
        title: shell.tr.t("home-title"),
        roles: a.roles.iter().map(|r| shell.role_name(r)).collect(),
        is_admin: permits_in_org(a, OrgAction::ManageUsers, &a.org_id),
        is_professional: a.has_role(Role::Professional),
        is_coordinator: a.has_role(Role::Coordinator),
        is_analyst: a.has_role(Role::Analyst),
        shell,
    };
    render(user.lang, &page)
}
