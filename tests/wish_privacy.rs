//! The privacy check of a wish's public texts, one row per pattern: what is blocked
//! (with what was found) and what passes, for a child's wish and for an adult's.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use linli::domain::wish::privacy::{check_public_text, names_in_note, public_text_problems};
use linli::domain::{BeneficiaryKind, DomainError, Field, Timestamp, WishCategory, WishPlan};

use BeneficiaryKind::{Child, ElderlyAlone};

fn name(found: &str) -> Result<(), DomainError> {
    Err(DomainError::ChildFullName {
        found: found.into(),
    })
}

fn school(found: &str) -> Result<(), DomainError> {
    Err(DomainError::ChildSchool {
        found: found.into(),
    })
}

fn address(found: &str) -> Result<(), DomainError> {
    Err(DomainError::ChildAddress {
        found: found.into(),
    })
}

fn phone(found: &str) -> Result<(), DomainError> {
    Err(DomainError::PhoneInPublicText {
        found: found.into(),
    })
}

const PASS: Result<(), DomainError> = Ok(());

#[test]
fn public_texts_of_a_childs_wish_are_checked() {
    let cases: &[(&str, Result<(), DomainError>)] = &[
        // Aliases that de-identify pass.
        ("小明同学", PASS),
        ("明明同学", PASS),
        ("王同学", PASS),
        ("小王同学", PASS),
        ("小红小朋友", PASS),
        ("三年级的小明同学想要一个书包", PASS),
        ("一位小学生", PASS),
        ("孩子叫小明", PASS),
        ("希望有高年级同学辅导功课", PASS),
        ("想和同学一起去科技馆", PASS),
        ("邻居家的小朋友", PASS),
        ("大家都叫他小王", PASS),
        ("叫王同学就好", PASS),
        // Full names before a form of address, or after a naming cue.
        ("王小明同学", name("王小明同学")),
        ("送给王小明同学一个书包", name("王小明同学")),
        ("帮李明同学补习数学", name("李明同学")),
        ("张小红小朋友想要画笔", name("张小红小朋友")),
        ("王小明小同学", name("王小明小同学")),
        ("欧阳明同学", name("欧阳明同学")),
        ("欧阳小明同学", name("欧阳小明同学")),
        ("孩子名叫王小明，今年8岁", name("王小明")),
        ("姓名：李明", name("李明")),
        ("叫张三", name("张三")),
        // Schools.
        ("在东城小学读三年级", school("在东城小学")),
        ("临潼区实验小学", school("临潼区实验小学")),
        ("第一中学初二学生", school("第一中学")),
        ("阳光幼儿园大班", school("阳光幼儿园")),
        ("师大附小", school("师大附小")),
        ("上小学三年级", PASS),
        ("小学三年级", PASS),
        ("正在读小学", PASS),
        ("附近的学校", PASS),
        ("家附近有一所小学", PASS),
        ("小学生", PASS),
        ("初中学生", PASS),
        ("初中学习资料", PASS),
        ("在家中学习", PASS),
        ("中小学教材", PASS),
        ("上幼儿园", PASS),
        // Exact addresses.
        ("3号楼", PASS),
        ("住在3号楼", PASS),
        ("3号楼2单元", address("2单元")),
        ("3号楼二单元", address("二单元")),
        ("１号楼２单元５０２室", address("2单元")),
        ("502室", address("502室")),
        ("会议室", PASS),
        ("门牌", address("门牌")),
        ("幸福路12号", address("路12号")),
        ("12月3号前送到", PASS),
        ("3号楼301", address("3号楼301")),
        ("5栋1202", address("5栋1202")),
        ("住3楼", PASS),
        ("3-2-301", address("3-2-301")),
        ("数学第3单元", PASS),
        ("第三单元的练习", PASS),
        // Phones, for children as for everyone.
        ("13812345678", phone("13812345678")),
        ("家长电话 138-1234-5678", phone("138-1234-5678")),
        ("+86 13812345678", phone("86 13812345678")),
        ("029-88886666", phone("029-88886666")),
        ("88886666", phone("88886666")),
        ("2026-11-21 前", PASS),
        ("预算 500 元", PASS),
        ("", PASS),
    ];
    for (text, expected) in cases {
        assert_eq!(&check_public_text(Child, text), expected, "{text}");
    }
}

#[test]
fn an_adults_wish_is_checked_for_phone_numbers_only() {
    let cases: &[(&str, Result<(), DomainError>)] = &[
        ("独居老人 王奶奶, 3号楼", PASS),
        ("王小明同学", PASS),
        ("孩子在东城小学读书", PASS),
        ("3号楼2单元301室", PASS),
        ("请打 13812345678", phone("13812345678")),
        ("座机 029-88886666", phone("029-88886666")),
    ];
    for (text, expected) in cases {
        assert_eq!(&check_public_text(ElderlyAlone, text), expected, "{text}");
    }
    for kind in BeneficiaryKind::ALL {
        assert_eq!(
            check_public_text(kind, "电话 13812345678"),
            phone("13812345678"),
            "{kind:?}"
        );
    }
}

fn real(found: &str) -> DomainError {
    DomainError::ChildRealName {
        found: found.into(),
    }
}

fn full(found: &str) -> DomainError {
    DomainError::ChildFullName {
        found: found.into(),
    }
}

#[test]
fn a_private_note_gives_the_childs_names() {
    let cases: &[(&str, &[&str])] = &[
        ("王小明，3号楼2单元301，母亲 13800000000", &["王小明"]),
        ("王小明 3号楼301", &["王小明"]),
        ("姓名：李明；东城小学三年级", &["李明"]),
        ("孩子叫欧阳小雨，奶奶带", &["欧阳小雨"]),
        ("父母在外地打工，由奶奶照顾", &[]),
        ("", &[]),
    ];
    for (note, names) in cases {
        assert_eq!(names_in_note(note), names.to_vec(), "{note}");
    }
}

#[test]
fn every_problem_of_a_childs_text_is_listed_at_once() {
    let names = vec!["王小明".to_owned()];
    let cases: &[(&str, &[String], Vec<DomainError>)] = &[
        // A full name standing alone, at the start or at the end, without any cue.
        ("王小明，想要一套绘本", &[], vec![full("王小明")]),
        ("困境儿童 王小明", &[], vec![full("王小明")]),
        ("困境儿童 欧阳明", &[], vec![full("欧阳明")]),
        // Ordinary words in the middle, and aliases, still pass.
        ("想要：方便面、牛奶", &[], vec![]),
        ("困境儿童 小雨", &[], vec![]),
        ("困境儿童 王同学", &[], vec![]),
        ("一套绘本", &[], vec![]),
        // The note's name, and its given name, are never shown.
        ("困境儿童 小明", &names, vec![real("小明")]),
        ("小明同学想要一套绘本", &names, vec![real("小明")]),
        ("送给王小明的书包", &names, vec![real("王小明")]),
        ("王小明，想要一套绘本", &names, vec![real("王小明")]),
        // Several problems in one text are all listed.
        (
            "王小明，东城小学，3号楼2单元，电话 13812345678",
            &[],
            vec![
                full("王小明"),
                DomainError::ChildSchool {
                    found: "东城小学".into(),
                },
                DomainError::ChildAddress {
                    found: "2单元".into(),
                },
                DomainError::PhoneInPublicText {
                    found: "13812345678".into(),
                },
            ],
        ),
    ];
    for (text, names, expected) in cases {
        assert_eq!(
            &public_text_problems(Child, text, names),
            expected,
            "{text}"
        );
    }
    // An adult's wish may name the resident's given name: only phones are refused.
    assert!(public_text_problems(ElderlyAlone, "独居老人 王奶奶", &["王秀英".into()]).is_empty());
}

#[test]
fn a_plans_problems_name_their_fields() {
    let plan = WishPlan {
        alias: "困境儿童 小明".into(),
        beneficiary: Child,
        private_note: "王小明，3号楼2单元301".into(),
        category: WishCategory::Goods,
        title: "王小明，想要一套绘本".into(),
        description: "在东城小学读书".into(),
        value_yuan: 80,
        grid: String::new(),
        building: "3号楼".into(),
        wanted_by: Timestamp(1_800_000_000_000),
        skills: Vec::new(),
    };
    assert_eq!(
        plan.privacy_problems(),
        vec![
            (Field::Alias, real("小明")),
            (Field::WishTitle, real("王小明")),
            (
                Field::WishDescription,
                DomainError::ChildSchool {
                    found: "在东城小学".into()
                }
            ),
        ]
    );
}
