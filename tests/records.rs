//! The CSV exports open in a real CSV parser with Chinese intact and nothing run as a
//! formula.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Replica, award};
use linli::domain::{Account, Action, VolunteerProfile};
use linli::records::csv::to_csv;
use linli::records::sheets;

fn parse(text: &str) -> Vec<Vec<String>> {
    assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn members_and_ledger_round_trip_through_a_csv_parser() {
    let mut r = Replica::new(1);
    let wang = r
        .act(Action::RegisterVolunteer {
            profile: Box::new(VolunteerProfile {
                name: "王小明".into(),
                phone: "13812341234".into(),
                number: "=HYPERLINK(\"x\")".into(),
                skills: vec!["电工".into(), "急救, 护理".into()],
                party_member: true,
                ..VolunteerProfile::default()
            }),
        })
        .unwrap()
        .id;
    let wang = linli::domain::VolunteerId(wang);
    r.act(award(wang, 5, "扫雪除冰，\"清理\"3号楼")).unwrap();
    let state = r.journal.state();

    let headers = [
        "姓名",
        "手机号",
        "编号",
        "网格",
        "楼栋",
        "技能",
        "党员",
        "登记时间",
        "时长",
        "积分",
    ];
    let rows = parse(&to_csv(&headers, sheets::members(state, "是", "否")));
    assert_eq!(rows[0], headers);
    assert_eq!(rows[1][0], "王小明");
    assert_eq!(
        rows[1][2], "'=HYPERLINK(\"x\")",
        "a formula is shown as text"
    );
    assert_eq!(rows[1][5], "电工、急救, 护理");
    assert_eq!(rows[1][6], "是");
    assert_eq!(rows[1][7], "2026-11-21 09:01");
    assert_eq!(rows[1][9], "5");

    let name = |account: Account| match account {
        Account::Pool => "社区积分池".to_owned(),
        _ => "王小明".to_owned(),
    };
    let ledger = parse(&to_csv(
        &["时间", "转出", "转入", "积分", "类型", "原因", "冲正"],
        sheets::ledger(state, name, |_| "奖励".to_owned()),
    ));
    assert_eq!(ledger.len(), 2);
    assert_eq!(
        ledger[1][1..6],
        [
            "社区积分池",
            "王小明",
            "5",
            "奖励",
            "扫雪除冰，\"清理\"3号楼"
        ]
    );
}

#[test]
fn project_participants_and_pledges_round_trip_through_a_csv_parser() {
    use common::{at, project_plan};
    use linli::domain::{Participant, RoleStanding, UnitKind};
    use linli::records::projects;

    let mut r = Replica::new(1);
    let wang = r
        .act(Action::RegisterVolunteer {
            profile: Box::new(VolunteerProfile {
                name: "王小明".into(),
                phone: "13812341234".into(),
                number: "LT-001".into(),
                skills: vec!["电工".into()],
                ..VolunteerProfile::default()
            }),
        })
        .unwrap()
        .id;
    let wang = Participant::Volunteer(linli::domain::VolunteerId(wang));
    let li = Participant::Volunteer(r.register_skilled("李四", &["电工"]));
    let unit = r.register_unit("=东城供电所", UnitKind::CoBuilding);
    let project = r.create_project(project_plan("老旧小区改造"));
    let mut act = |minutes: i64, action: Action| r.act_at(at(minutes), action).unwrap();
    act(-2800, Action::PublishProject { project });
    let join = |who: Participant, role: &str| Action::JoinRole {
        project,
        role: role.into(),
        who,
    };
    act(-2799, join(wang, "电工"));
    act(-2798, join(li, "宣传员"));
    act(
        -2797,
        Action::WithdrawFromRole {
            project,
            role: "宣传员".into(),
            who: li,
        },
    );
    act(-2796, join(Participant::Unit(unit), "宣传员"));
    act(
        -2795,
        Action::PledgeToNeed {
            project,
            need: "资金".into(),
            unit,
            quantity: 2000,
        },
    );
    act(-2794, Action::StartProject { project });
    act(-2793, Action::CompleteProject { project });
    act(
        -2792,
        Action::ConfirmParticipation {
            project,
            participants: vec![wang, Participant::Unit(unit)],
        },
    );
    let state = r.journal.state();
    let p = state.project(project).unwrap();
    let kind = |who: Participant| match who {
        Participant::Volunteer(_) => "志愿者".to_owned(),
        Participant::Unit(_) => "单位".to_owned(),
    };
    let status = |s: &linli::domain::RoleSignup| match s.standing {
        RoleStanding::Seated => "已报名".to_owned(),
        RoleStanding::Withdrawn { .. } => "已退出".to_owned(),
        _ => "其他".to_owned(),
    };
    let headers = [
        "岗位",
        "类型",
        "名称",
        "编号",
        "电话",
        "状态",
        "报名时间",
        "积分",
    ];
    let rows = parse(&to_csv(
        &headers,
        projects::participants(state, p, kind, status),
    ));
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[1],
        [
            "电工",
            "志愿者",
            "王小明",
            "LT-001",
            "13812341234",
            "已报名",
            "2026-11-21 10:21",
            "8"
        ]
    );
    assert_eq!(rows[2][..6], ["宣传员", "志愿者", "李四", "", "", "已退出"]);
    assert_eq!(rows[2][7], "", "no credit for who withdrew");
    assert_eq!(rows[3][2], "'=东城供电所", "a formula is shown as text");
    assert_eq!(
        rows[3][7], "20",
        "the unit's credit is named by its seat, its first record"
    );

    let pledges = parse(&to_csv(
        &[
            "需求",
            "单位",
            "电话",
            "数量",
            "单位",
            "认捐时间",
            "撤回时间",
            "积分",
        ],
        projects::pledges(state, p, |u| format!("{u:?}")),
    ));
    assert_eq!(pledges.len(), 2);
    assert_eq!(
        pledges[1],
        [
            "资金",
            "'=东城供电所",
            "",
            "2000",
            "Yuan",
            "2026-11-21 10:25",
            "",
            ""
        ]
    );
}
