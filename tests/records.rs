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
            profile: VolunteerProfile {
                name: "王小明".into(),
                phone: "13812341234".into(),
                number: "=HYPERLINK(\"x\")".into(),
                skills: vec!["电工".into(), "急救, 护理".into()],
                party_member: true,
                ..VolunteerProfile::default()
            },
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
