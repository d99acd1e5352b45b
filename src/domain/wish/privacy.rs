//! Privacy of the texts a wish shows in public (DOMAIN.md: “Wishes from children are
//! de-identified: no full name, no school, no exact address”).
//!
//! [`check_public_text`] is what the form calls as staff type (to warn next to the
//! field) and what the rules call before a wish is written (to block). It looks for
//! obvious cases only, by documented patterns; it cannot understand the text, so
//! staff remain responsible for what they publish. The patterns:
//!
//! - **Phone numbers**, for every wish: a mobile number (11 digits starting with 1,
//!   spaces or hyphens allowed, with or without +86), a landline with an area code
//!   (0xx-xxxxxxx), or a bare run of 7–8 digits or of 10–12 digits starting with 0.
//!   Dates such as 2026-11-21 do not match.
//! - For a **child** (儿童) also:
//!   - **A full name.** (1) A name before a form of address (同学, 小同学, 小朋友):
//!     the two or three Han characters right before it that begin with one of the
//!     100 most common surnames (or a compound surname such as 欧阳), so 王小明同学
//!     and 李明同学 are blocked while the alias forms 小明同学, 明明同学, 王同学 and
//!     小王同学 pass. (2) A name after a naming cue (叫, 名叫, 名字叫, 名字是, 姓名):
//!     a surname and one or two more characters, so 孩子叫王小明 is blocked and
//!     孩子叫小明 passes. Characters that are not given names (年, 级, 班, 同, 的…)
//!     end a candidate, so 高年级同学 passes. 于 and 向, which are also prepositions
//!     (关于, 向…学习), are left out of the surnames.
//!   - **A school's name**: 小学, 中学, 学校, 幼儿园, 附小, 附中 or 托儿所 right after
//!     a Han character that is part of a name (东城小学, 第一中学, 阳光幼儿园). The
//!     words alone, and after a verb or particle (上小学, 读小学, 附近的学校, 一所小学),
//!     are general and pass, as do 小学生, 中学生, 中小学 and 初中学习.
//!   - **An exact address**: a unit (2单元; 第3单元 of a textbook passes), a room
//!     (301室), a door plate (门牌), a street number (幸福路12号; 12月3号 is a date and
//!     passes), a room after the building (3号楼301) or the short form 3-2-301. The
//!     building alone (3号楼) is what the wall may show, and passes.
//!
//! [`public_text_problems`] (called for each public field by
//! [`super::WishPlan::privacy_problems`]) lists every problem of a new wish at once (what the form shows and
//! what a new wish must pass), adding for a child a full name standing alone at the start
//! or end of a text and the real name the private note gives (and its given name).

use serde::{Deserialize, Serialize};

use crate::domain::error::DomainError;

/// Who the wish is for. Children's wishes get the strictest privacy check
/// ([`check_public_text`]); it is defined here, beside the check that depends on it,
/// and recorded in the wish's plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BeneficiaryKind {
    /// 独居老人.
    #[default]
    ElderlyAlone,
    /// 儿童 (children of families in need, left-behind children).
    Child,
    /// 残疾人.
    Disabled,
    /// 困难家庭.
    FamilyInDifficulty,
    Other,
}

impl BeneficiaryKind {
    pub const ALL: [BeneficiaryKind; 5] = [
        BeneficiaryKind::ElderlyAlone,
        BeneficiaryKind::Child,
        BeneficiaryKind::Disabled,
        BeneficiaryKind::FamilyInDifficulty,
        BeneficiaryKind::Other,
    ];
}

/// Every problem in one public text, each once: what [`check_public_text`] finds (all of
/// it, not only the first), and for a child also a full name standing alone at the start
/// or end of a text (王小明，想要一套绘本; 困境儿童 王小明) and the child's real name or
/// given name (`real_names`, from [`names_in_note`]: 王小明 and 小明 are both refused
/// once the note names 王小明).
pub fn public_text_problems(
    kind: BeneficiaryKind,
    text: &str,
    real_names: &[String],
) -> Vec<DomainError> {
    let chars: Vec<char> = text.chars().map(half_width_digit).collect();
    let mut found: Vec<DomainError> = Vec::new();
    let mut push = |problem: DomainError| {
        if !found.contains(&problem) {
            found.push(problem);
        }
    };
    if kind == BeneficiaryKind::Child {
        for name in real_names {
            for part in name_parts(name) {
                if occurrences(&chars, &part).next().is_some() {
                    push(DomainError::ChildRealName { found: part });
                    break;
                }
            }
        }
        for name in all_full_names(&chars) {
            if !real_names
                .iter()
                .any(|real| real.contains(&name) || name.contains(real.as_str()))
            {
                push(DomainError::ChildFullName { found: name });
            }
        }
        if let Some(found) = school(&chars) {
            push(DomainError::ChildSchool { found });
        }
        if let Some(found) = address(&chars) {
            push(DomainError::ChildAddress { found });
        }
    }
    if let Some(found) = phone(&chars) {
        push(DomainError::PhoneInPublicText { found });
    }
    found
}

/// The names a private note gives: after a naming cue (姓名：王小明, 叫王小明), and
/// standing alone (王小明 3号楼…, 孩子 李明，…): a surname and one or two given
/// characters between spaces or punctuation.
pub fn names_in_note(note: &str) -> Vec<String> {
    let chars: Vec<char> = note.chars().collect();
    let mut names: Vec<String> = Vec::new();
    let mut add = |name: String| {
        if !names.contains(&name) {
            names.push(name);
        }
    };
    for cue in NAME_CUES {
        for i in occurrences(&chars, cue) {
            let mut at = i + cue.chars().count();
            if matches!(chars.get(at), Some(':' | '：' | ' ')) {
                at += 1;
            }
            if let Some(surname) = surname_at(&chars, at) {
                let given = chars[at + surname..]
                    .iter()
                    .take(2)
                    .take_while(|&&c| may_be_given(c))
                    .count();
                if given > 0 {
                    add(text(&chars[at..at + surname + given]));
                }
            }
        }
    }
    for (start, end) in tokens(&chars) {
        if let Some(name) = name_token(&chars[start..end], 1..=2) {
            add(name);
        }
    }
    names
}

/// What of a real name may not be shown: the name, and its given name when that is two
/// characters or more (小明 of 王小明; a one-character given name alone is too common a
/// character to refuse).
fn name_parts(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut parts = vec![name.to_owned()];
    if let Some(surname) = surname_at(&chars, 0)
        && chars.len() >= surname + 2
    {
        parts.push(text(&chars[surname..]));
    }
    parts
}

/// Characters that end a token: spaces and punctuation.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation() || "，。、；：！？（）“”‘’《》·—…".contains(c)
}

/// The runs of characters between delimiters, as (start, end).
fn tokens(chars: &[char]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, &c) in chars.iter().enumerate() {
        match (is_delimiter(c), start) {
            (true, Some(s)) => {
                found.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        found.push((s, chars.len()));
    }
    found
}

/// The token as a name: a surname and `given` characters that may be a given name.
fn name_token(token: &[char], given: std::ops::RangeInclusive<usize>) -> Option<String> {
    let surname = surname_at(token, 0)?;
    let rest = token.len().checked_sub(surname)?;
    (given.contains(&rest) && token[surname..].iter().all(|&c| may_be_given(c)))
        .then(|| text(token))
}

/// Every full name [`check_public_text`] finds, and a name standing alone at the start or
/// the end of the text: a single surname with two given characters, or a compound one
/// with one or two (a two-character name alone, 王明, is too like ordinary words).
fn all_full_names(chars: &[char]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    names.extend(name_before_address_form(chars));
    names.extend(name_after_cue(chars));
    let tokens = tokens(chars);
    let ends = [tokens.first(), tokens.last()];
    for (start, end) in ends.into_iter().flatten() {
        let token = &chars[*start..*end];
        let name = match surname_at(token, 0) {
            Some(2) => name_token(token, 1..=2),
            Some(_) => name_token(token, 2..=2),
            None => None,
        };
        if let Some(name) = name
            && !names.contains(&name)
        {
            names.push(name);
        }
    }
    names
}

/// Whether `text` may be shown in public for a wish of this kind: `Err` names what
/// was found, with its own reason (see the module's documentation for the patterns).
pub fn check_public_text(kind: BeneficiaryKind, text: &str) -> Result<(), DomainError> {
    let chars: Vec<char> = text.chars().map(half_width_digit).collect();
    if kind == BeneficiaryKind::Child {
        if let Some(found) = full_name(&chars) {
            return Err(DomainError::ChildFullName { found });
        }
        if let Some(found) = school(&chars) {
            return Err(DomainError::ChildSchool { found });
        }
        if let Some(found) = address(&chars) {
            return Err(DomainError::ChildAddress { found });
        }
    }
    if let Some(found) = phone(&chars) {
        return Err(DomainError::PhoneInPublicText { found });
    }
    Ok(())
}

/// The 100 most common single-character surnames, without 于 and 向.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董\
潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史\
陶贺毛郝顾龚邵万覃武钱戴严欧莫孔常汤康易乔赖文施洪牛";

const COMPOUND_SURNAMES: [&str; 15] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟", "公孙",
    "长孙", "宇文", "独孤",
];

/// Characters that do not occur in given names here: they end a name candidate.
const NOT_GIVEN: &str =
    "年级班校位个名们的和与及是在学生同师家里人些每各这那他她我你它说叫给帮想要需";

/// Forms of address after a name.
const ADDRESS_FORMS: [&str; 3] = ["小朋友", "小同学", "同学"];

/// Cues before a name, longest first.
const NAME_CUES: [&str; 5] = ["名字叫", "名字是", "名叫", "姓名", "叫"];

const SCHOOL_WORDS: [&str; 7] = ["幼儿园", "托儿所", "学校", "小学", "中学", "附小", "附中"];

/// A verb or particle before a school word that makes it general (上小学, 的学校).
const GENERIC_BEFORE: &str = "上读念在去回到进入升考转离从的是所这那本该个间和与及中初高";

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

fn half_width_digit(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        _ => c,
    }
}

fn is_surname(c: char) -> bool {
    SURNAMES.contains(c)
}

fn may_be_given(c: char) -> bool {
    is_han(c) && !NOT_GIVEN.contains(c)
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

fn text(chars: &[char]) -> String {
    chars.iter().collect()
}

/// Where `word` occurs in `chars`.
fn occurrences<'a>(chars: &'a [char], word: &'a str) -> impl Iterator<Item = usize> + 'a {
    (0..chars.len()).filter(move |&i| starts_with(chars, i, word))
}

/// The surname a name starting at `at` would have: its length in characters.
fn surname_at(chars: &[char], at: usize) -> Option<usize> {
    if COMPOUND_SURNAMES.iter().any(|s| starts_with(chars, at, s)) {
        Some(2)
    } else if chars.get(at).copied().is_some_and(is_surname) {
        Some(1)
    } else {
        None
    }
}

fn full_name(chars: &[char]) -> Option<String> {
    name_before_address_form(chars).or_else(|| name_after_cue(chars))
}

/// 王小明同学, 李明同学, 欧阳明小朋友: surname + one or two given characters right
/// before a form of address.
fn name_before_address_form(chars: &[char]) -> Option<String> {
    for form in ADDRESS_FORMS {
        for end in occurrences(chars, form) {
            let mut start = end;
            while start > 0 && is_han(chars[start - 1]) {
                start -= 1;
            }
            // Candidates end right before the form: three or four characters
            // (surname + two given), then two or three (surname + one given).
            for given in [2, 1] {
                for surname in [1, 2] {
                    let len = surname + given;
                    if end - start < len {
                        continue;
                    }
                    let at = end - len;
                    let reduplicated = given == 1 && surname == 1 && chars[at] == chars[at + 1];
                    if surname_at(chars, at) == Some(surname)
                        && chars[at + surname..end].iter().all(|&c| may_be_given(c))
                        && !reduplicated
                    {
                        let form_len = form.chars().count();
                        return Some(text(&chars[at..end + form_len]));
                    }
                }
            }
        }
    }
    None
}

/// 叫王小明, 姓名：李明: a surname and given characters after a naming cue.
fn name_after_cue(chars: &[char]) -> Option<String> {
    for cue in NAME_CUES {
        for i in occurrences(chars, cue) {
            let mut at = i + cue.chars().count();
            if matches!(chars.get(at), Some(':' | '：' | ' ')) {
                at += 1;
            }
            let Some(surname) = surname_at(chars, at) else {
                continue;
            };
            let given = chars[at + surname..]
                .iter()
                .take(2)
                .take_while(|&&c| may_be_given(c))
                .count();
            if given > 0 {
                return Some(text(&chars[at..at + surname + given]));
            }
        }
    }
    None
}

/// 东城小学, 阳光幼儿园: a school word after part of a name.
fn school(chars: &[char]) -> Option<String> {
    for word in SCHOOL_WORDS {
        let len = word.chars().count();
        for i in occurrences(chars, word) {
            // 小学生, 中学生, and 学 starting another word: 家中学习, 小学期.
            let general_pupil = matches!(word, "小学" | "中学")
                && chars.get(i + len).is_some_and(|c| "生习期".contains(*c));
            let Some(&before) = i.checked_sub(1).and_then(|b| chars.get(b)) else {
                continue;
            };
            if general_pupil || !is_han(before) || GENERIC_BEFORE.contains(before) {
                continue;
            }
            let mut start = i - 1;
            while start > 0 && i - start < 6 && is_han(chars[start - 1]) {
                start -= 1;
            }
            return Some(text(&chars[start..i + len]));
        }
    }
    None
}

fn address(chars: &[char]) -> Option<String> {
    let digits_before = |end: usize| {
        let mut start = end;
        while start > 0 && chars[start - 1].is_ascii_digit() {
            start -= 1;
        }
        start
    };
    let digits_after = |start: usize| {
        chars[start..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    // A unit: 2单元, 3号楼二单元; not 第3单元 (a textbook's).
    for i in occurrences(chars, "单元") {
        let start = digits_before(i);
        let arabic = start < i && (start == 0 || chars[start - 1] != '第');
        let chinese = i >= 2
            && "一二三四五六七八九十".contains(chars[i - 1])
            && matches!(chars[i - 2], '楼' | '栋' | '幢');
        if arabic || chinese {
            let from = if arabic { start } else { i - 1 };
            return Some(text(&chars[from..i + 2]));
        }
    }
    // A room: 301室.
    for i in occurrences(chars, "室") {
        let start = digits_before(i);
        if start < i {
            return Some(text(&chars[start..=i]));
        }
    }
    // A door plate.
    if let Some(i) = occurrences(chars, "门牌").next() {
        return Some(text(&chars[i..i + 2]));
    }
    // A street number: 幸福路12号 (not 12月3号).
    for i in occurrences(chars, "号") {
        let start = digits_before(i);
        if start < i && start > 0 && "路街巷弄村同".contains(chars[start - 1]) {
            return Some(text(&chars[start - 1..=i]));
        }
    }
    // A room after the building: 3号楼301, 5栋1202.
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '楼' | '栋' | '幢') && i > 0 {
            let numbered = chars[i - 1].is_ascii_digit() || chars[i - 1] == '号';
            let room = digits_after(i + 1);
            if numbered && room >= 3 {
                let start = digits_before(if chars[i - 1] == '号' { i - 1 } else { i });
                return Some(text(&chars[start..i + 1 + room]));
            }
        }
    }
    // The short form building-unit-room: 3-2-301.
    for start in 0..chars.len() {
        if start > 0 && (chars[start - 1].is_ascii_digit() || chars[start - 1] == '-') {
            continue;
        }
        let groups = dash_groups(&chars[start..]);
        if let [a, b, c] = groups.as_slice()
            && (1..=3).contains(a)
            && (1..=2).contains(b)
            && (3..=4).contains(c)
        {
            let len = a + b + c + 2;
            return Some(text(&chars[start..start + len]));
        }
    }
    None
}

/// The lengths of the digit groups joined by hyphens at the start of `chars`.
fn dash_groups(chars: &[char]) -> Vec<usize> {
    let mut groups = Vec::new();
    let mut i = 0;
    loop {
        let len = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 {
            break;
        }
        groups.push(len);
        i += len;
        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    groups
}

fn phone(chars: &[char]) -> Option<String> {
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A run of digits, hyphens and spaces, ending on a digit.
        let mut end = i;
        let mut last_digit = i;
        while end < chars.len() && (chars[end].is_ascii_digit() || matches!(chars[end], '-' | ' '))
        {
            if chars[end].is_ascii_digit() {
                last_digit = end;
            }
            end += 1;
        }
        let run = text(&chars[i..=last_digit]);
        let whole = std::iter::once(run.as_str());
        if let Some(found) = whole.chain(run.split(' ')).find(|c| phone_like(c)) {
            return Some(found.trim().to_owned());
        }
        i = end;
    }
    None
}

fn phone_like(candidate: &str) -> bool {
    let groups: Vec<&str> = candidate
        .split(['-', ' '])
        .filter(|g| !g.is_empty())
        .collect();
    let digits: String = groups.concat();
    let hyphens = candidate.split('-').count() - 1;
    let mobile = digits.len() == 11 && digits.starts_with('1');
    let mobile_86 = digits.len() == 13 && digits.starts_with("861");
    let landline = hyphens == 1
        && groups.len() == 2
        && groups[0].starts_with('0')
        && (3..=4).contains(&groups[0].len())
        && (7..=8).contains(&groups[1].len());
    let bare = groups.len() == 1
        && ((7..=8).contains(&digits.len())
            || (digits.starts_with('0') && (10..=12).contains(&digits.len())));
    mobile || mobile_86 || landline || bare
}
