//! Every text the app shows, in Chinese (the default) and English, in one place.
//! `texts!` makes a key for each line, so a text missing in either language does not
//! compile.

use crate::domain::trust::{Refusal, Role};
use crate::domain::{DomainError, Field, State, mask_name};
use crate::store::backup::BackupError;
use crate::store::codec::CodecError;
use crate::store::exchange::ImportError;
use crate::store::{ActError, SealRefusal, StoreError};
use crate::ui::format::date_time;
use crate::ui::split::Unloaded;
#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh-CN" | "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The text in this language. English's texts are a module of their own (fetched
    /// by `ready`): until they arrive, the Chinese text stands in.
    pub fn t(self, key: T) -> &'static str {
        match (self, english()) {
            (Lang::En, Some(en)) => en(key),
            _ => key.zh(),
        }
    }

    /// Whether this language's texts are here.
    pub fn is_ready(self) -> bool {
        self == Lang::Zh || english().is_some()
    }

    /// Fetches this language's texts if they are not here (once; a failure is tried again
    /// on the next call).
    pub async fn ready(self) -> Result<(), Unloaded> {
        if self.is_ready() {
            return Ok(());
        }
        #[cfg(feature = "split")]
        let en = english_texts().await?;
        #[cfg(not(feature = "split"))]
        let en = english_texts()?;
        ENGLISH.with(|english| english.set(Some(en)));
        Ok(())
    }

    /// A text with `{0}`, `{1}`… replaced by `args`.
    pub fn f(self, key: T, args: &[&dyn std::fmt::Display]) -> String {
        fill(self.t(key), args)
    }
}

/// `text` with `{0}`, `{1}`… replaced by `args`.
pub fn fill(text: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut text = text.to_owned();
    for (i, arg) in args.iter().enumerate() {
        text = text.replace(&format!("{{{i}}}"), &arg.to_string());
    }
    text
}

/// Gives a text in one language.
type Texts = fn(T) -> &'static str;

thread_local! {
    static ENGLISH: std::cell::Cell<Option<Texts>> = const { std::cell::Cell::new(None) };
}

/// English's texts, if fetched. Without the split (tests, benches) they are always here.
fn english() -> Option<Texts> {
    if cfg!(feature = "split") {
        ENGLISH.with(|english| english.get())
    } else {
        Some(T::en)
    }
}

/// The English texts: in the shipped build a module of their own, so a first visit in
/// Chinese does not download them.
#[cfg_attr(feature = "split", wasm_split(english, fallible))]
fn english_texts() -> Result<Texts, Unloaded> {
    Ok(T::en)
}

macro_rules! texts {
    ($(#[$doc:meta])* $name:ident { $($key:ident => $zh:literal, $en:literal;)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($key),* }

        impl $name {
            pub fn zh(self) -> &'static str {
                match self { $($name::$key => $zh),* }
            }
            pub fn en(self) -> &'static str {
                match self { $($name::$key => $en),* }
            }
        }
    };
}

texts! {
    /// A text of the app's screens. English's are fetched when first needed (`Lang::ready`).
    T {
        AppName => "邻里", "Linli";
        TabHome => "首页", "Home";
        TabActivities => "活动", "Activities";
        TabProjects => "项目", "Projects";
        TabWishes => "心愿", "Wishes";
        TabMe => "我的", "Me";
        MainNav => "主导航", "Main navigation";
        Language => "语言", "Language";
        SwitchLanguage => "English", "中文";
        Dismiss => "关闭", "Dismiss";
        PartLoading => "正在打开…", "Opening…";
        PartFailed => "这一页没能打开，请检查网络后重试。", "This page could not be opened. Check the network and try again.";
        ActionPartFailed => "邻里的其余部分还没能下载，请检查网络后再试一次。", "The rest of Linli could not be downloaded yet. Check the network and try again.";
        PartRetry => "重试", "Try again";
        Welcome => "欢迎来到邻里：志愿服务、共建项目、微心愿。", "Welcome to Linli: volunteering, co-construction projects and micro-wishes.";
        HomeVolunteers => "登记志愿者", "Registered volunteers";
        HomePointsIssued => "累计发放积分", "Points issued";
        NoActivities => "还没有志愿活动。", "No volunteer activities yet.";
        NoProjects => "还没有共建项目。", "No co-construction projects yet.";
        NoWishes => "还没有微心愿。", "No micro-wishes yet.";
        WhoAmI => "我是谁", "Who am I";
        WhoAmIHint => "选择你自己，在本机查看积分和明细。", "Choose yourself to see your points and statement on this device.";
        ChooseMe => "选择志愿者", "Choose a volunteer";
        NotChosen => "（未选择）", "(none)";
        Balance => "积分余额", "Points balance";
        Statement => "积分明细", "Points statement";
        NoEntries => "暂无积分记录。", "No points yet.";
        Award => "奖励", "Award";
        Deduction => "扣减", "Deduction";
        Reversal => "冲正", "Reversal";
        Reversed => "已冲正", "Reversed";
        ReverseEntry => "冲正此条", "Reverse this entry";
        ReverseReason => "冲正原因", "Reason for the reversal";
        ConfirmReverse => "确认冲正", "Confirm reversal";
        Cancel => "取消", "Cancel";
        BalanceAfter => "余额 {0}", "Balance {0}";
        Organizer => "管理", "Organizer";
        OrganizerMode => "管理模式", "Organizer mode";
        EnterOrganizer => "进入管理模式", "Enter organizer mode";
        LeaveOrganizer => "退出管理模式", "Leave organizer mode";
        SetPinTitle => "设置管理密码", "Set the organizer PIN";
        SetPinHint => "首次使用请设置4–8位数字密码，只保存在本机。", "First use: choose a PIN of 4–8 digits. It is kept on this device only.";
        Pin => "管理密码", "Organizer PIN";
        PinAgain => "再次输入密码", "PIN again";
        SavePin => "保存密码", "Save PIN";
        Unlock => "进入", "Enter";
        WrongPin => "密码不正确。", "Wrong PIN.";
        PinLocked => "尝试次数过多，请 {0} 秒后再试。", "Too many tries: try again in {0} s.";
        PinFormat => "密码应为4–8位数字。", "A PIN is 4–8 digits.";
        PinMismatch => "两次输入的密码不一致。", "The two PINs differ.";
        Volunteers => "志愿者", "Volunteers";
        RegisterVolunteer => "登记志愿者", "Register a volunteer";
        Name => "姓名", "Name";
        Phone => "手机号", "Phone";
        VolunteerNumber => "志愿者编号", "Volunteer number";
        Grid => "网格", "Grid";
        Building => "楼栋", "Building";
        Skills => "技能（用逗号分隔）", "Skills (comma separated)";
        PartyMember => "党员", "Party member";
        Register => "登记", "Register";
        Registered => "已登记：{0}", "Registered: {0}";
        NoVolunteers => "还没有登记志愿者。", "No volunteers registered yet.";
        PagesOf => "{0}·翻页", "{0}: pages";
        PreviousPage => "上一页", "Previous page";
        NextPage => "下一页", "Next page";
        PageOf => "第 {0}/{1} 页，共 {2} 条", "Page {0} of {1}, {2} in all";
        Search => "搜索", "Search";
        AwardPoints => "奖励积分", "Award points";
        DeductPoints => "扣减积分", "Deduct points";
        Points => "积分", "Points";
        Reason => "原因", "Reason";
        Awarded => "已奖励 {0} 积分", "Awarded {0} points";
        Deducted => "已扣减 {0} 积分", "Deducted {0} points";
        ReversedDone => "已冲正", "Reversed";
        Back => "返回", "Back";
        NotFound => "页面不存在。", "Page not found.";
        UnknownVolunteer => "找不到这位志愿者。", "No such volunteer.";
        MemoryMode => "无法使用本机存储，数据只保存在本次打开期间，关闭后会丢失。", "Storage is unavailable: data is kept for this visit only and will be lost when you close it.";
        UnreadableData => "有 {0} 处已保存的数据无法读取，已原样保留，没有被覆盖。", "{0} stored item(s) could not be read; they are kept untouched and nothing overwrote them.";
        PrefsNotSaved => "本机的偏好设置无法读取，已原样保留：这次的更改没有保存，关闭后会丢失。", "This device's preferences could not be read and are kept untouched: this change was not saved and will be lost when you close the app.";
        ReadOnlyData => "这些数据来自更新版本的邻里，本页面只能查看，请刷新或更新应用。", "This data was written by a newer version of Linli; this page can only show it. Reload to update.";
        RejectedEvents => "有 {0} 条合并来的记录与已有记录冲突，已保留但未生效。", "{0} merged record(s) conflict with earlier ones; they are kept but not applied.";
        InvalidPoints => "请输入积分，例如 5 或 2.5。", "Enter points, such as 5 or 2.5.";
        OrganizerOnly => "此页面需要管理模式。", "This page needs organizer mode.";
        FieldName => "姓名", "name";
        FieldPhone => "手机号", "phone";
        FieldNumber => "志愿者编号", "volunteer number";
        FieldGrid => "网格", "grid";
        FieldBuilding => "楼栋", "building";
        FieldSkills => "技能", "skills";
        FieldReason => "原因", "reason";
        FieldPoints => "积分", "points";
        ErrRequired => "请填写{0}。", "Please fill in the {0}.";
        ErrTooLong => "{0}最多 {1} 个字。", "The {0} may be at most {1} characters.";
        ErrTooMany => "{0}最多 {1} 项。", "At most {1} {0}.";
        ErrPhone => "手机号格式不正确。", "That is not a valid phone number.";
        ErrDuplicateNumber => "志愿者编号 {0} 已被使用。", "Volunteer number {0} is already taken.";
        ErrUnknownVolunteer => "找不到这位志愿者。", "No such volunteer.";
        ErrUnknownEntry => "找不到这条积分记录。", "No such ledger entry.";
        ErrPointsRange => "积分应大于 0，且不超过 {0}。", "Points must be more than 0 and at most {0}.";
        ErrInsufficient => "积分不足：余额 {0}，需要 {1}。", "Not enough points: balance {0}, needed {1}.";
        ErrAlreadyReversed => "这条记录已经冲正过了。", "This entry was already reversed.";
        ErrReverseReversal => "冲正记录不能再冲正。", "A reversal cannot be reversed.";
        FieldTitle => "活动名称", "title";
        FieldCategory => "活动类别", "category";
        FieldPlace => "活动地点", "place";
        FieldDetails => "活动说明", "details";
        FieldRole => "岗位", "role";
        ActivityCredit => "活动积分", "Activity credit";
        ErrUnknownActivity => "找不到这个活动。", "No such activity.";
        ErrEndNotAfterStart => "结束时间应晚于开始时间。", "The end must be after the start.";
        ErrActivityTooLong => "一个活动最长 {0} 天。", "An activity lasts at most {0} days.";
        ErrCapacityRange => "名额应至少 1 个，最多 {0} 个。", "Capacity must be at least 1 and at most {0}.";
        ErrSignupClosesBeforeOpens => "报名截止时间应晚于报名开始时间。", "Sign-up must close after it opens.";
        ErrSignupClosesAfterStart => "报名应在活动开始前截止。", "Sign-up must close no later than the start.";
        ErrCancelDeadlineAfterStart => "取消报名的截止时间不能晚于活动开始。", "The cancel deadline must be no later than the start.";
        ErrRulePointsRange => "积分规则的分值应在 0 到 {0} 之间。", "The rule's points must be from 0 to {0}.";
        ErrCapRange => "计分上限应在 1 到 {0} 分钟之间。", "The points cap must be from 1 to {0} minutes.";
        ErrMultiplierRange => "岗位系数应大于 0，且不超过 {0}。", "A role multiplier must be more than 0 and at most {0}.";
        ErrDuplicateRole => "岗位“{0}”重复了。", "The role “{0}” is listed twice.";
        ErrPresenceRange => "到场比例应在 1% 到 100% 之间。", "The presence share must be from 1% to 100%.";
        ErrNoShowLimitRange => "缺席次数上限应在 1 到 {0} 之间。", "The no-show limit must be from 1 to {0}.";
        ErrActivityCancelled => "这个活动已取消。", "This activity was cancelled.";
        ErrCapacityBelowTaken => "已有 {0} 人报名，名额不能少于此数。", "{0} seats are taken; capacity cannot be less.";
        ErrActivityHasAttendance => "已有志愿者签到或被记为缺席，活动不能取消。", "Volunteers were already checked in or marked absent, so the activity cannot be cancelled.";
        ErrSignupNotOpen => "报名将于 {0} 开始。", "Sign-up opens at {0}.";
        ErrSignupClosed => "报名已截止。", "Sign-up has closed.";
        ErrActivityEnded => "活动已结束。", "The activity has ended.";
        ErrActivityFull => "名额已满，可以排队候补。", "The activity is full; you can join the waitlist.";
        ErrTooManyNoShows => "已缺席 {0} 次（上限 {1} 次），暂不能报名，请联系社区。", "{0} no-shows (limit {1}): sign-up is blocked. Please contact the community.";
        ErrAlreadySignedUp => "已经报过名了。", "Already signed up.";
        ErrCollides => "与已报名的“{0}”时间冲突。", "Collides with your sign-up for “{0}”.";
        ErrNotSignedUp => "没有报名这个活动。", "Not signed up for this activity.";
        ErrCancelDeadlinePassed => "已过取消报名的截止时间。", "The cancel deadline has passed.";
        ErrOnWaitlist => "还在候补中，没有名额。", "On the waitlist, without a seat.";
        ErrUnknownRole => "活动没有“{0}”这个岗位。", "The activity has no role “{0}”.";
        ErrAlreadyCheckedIn => "已经签到了。", "Already checked in.";
        ErrNotCheckedIn => "还没有签到。", "Not checked in yet.";
        ErrAlreadyCheckedOut => "已经签退了。", "Already checked out.";
        ErrNotCheckedOut => "还没有签退。", "Not checked out yet.";
        ErrActivityNotStarted => "活动还没开始。", "The activity has not started.";
        ErrAlreadyNoShow => "已经记为缺席了。", "Already marked as a no-show.";
        ErrWasNoShow => "已记为缺席。", "Marked as a no-show.";
        ErrAlreadyConfirmed => "服务时长已经确认过了。", "Service was already confirmed.";
        ErrNothingToConfirm => "没有已签退、待确认的志愿者。", "Nobody checked out is waiting for confirmation.";
        ErrMinutesRange => "时长最多 {0} 分钟（活动时长）。", "Minutes can be at most {0}, the activity's length.";
        FieldUnitName => "单位名称", "unit name";
        FieldContact => "联系人", "contact person";
        FieldAddress => "地址", "address";
        FieldPerkTitle => "礼遇名称", "perk title";
        FieldDescription => "礼遇说明", "description";
        Redemption => "兑换", "Redemption";
        VoucherRefund => "兑换退还", "Voucher refund";
        ErrUnknownUnit => "找不到这个单位。", "No such unit.";
        ErrDuplicateUnitName => "单位“{0}”已经登记过了。", "A unit named “{0}” is already registered.";
        ErrUnknownPerk => "找不到这个礼遇。", "No such perk.";
        ErrPerkCostRange => "兑换所需积分应大于 0，且不超过 {0}。", "The cost must be more than 0 and at most {0} points.";
        ErrStockRange => "库存应至少 1 份，最多 {0} 份。", "Stock must be at least 1 and at most {0}.";
        ErrPerPersonRange => "每人限兑数量应至少 1，最多 {0}。", "The per-person limit must be at least 1 and at most {0}.";
        ErrValidUntilNotAfterFrom => "有效期的结束时间应晚于开始时间。", "The end of validity must be after its start.";
        ErrMinServiceRange => "兑换所需服务时长最多 {0} 小时。", "The service needed can be at most {0} hours.";
        ErrStockBelowIssued => "已兑出 {0} 份，库存不能少于此数。", "{0} vouchers were issued; stock cannot be less.";
        ErrPerkWithdrawn => "这个礼遇已下架。", "This perk was withdrawn.";
        ErrPerkNotYetValid => "礼遇将于 {0} 开始兑换。", "The perk can be redeemed from {0}.";
        ErrPerkEnded => "礼遇已过兑换期。", "The perk is no longer valid.";
        ErrOutOfStock => "礼遇已兑完。", "The perk is out of stock.";
        ErrPerPersonLimit => "每人限兑 {0} 份，已达上限。", "At most {0} per person, and the limit is reached.";
        ErrNotEnoughService => "累计服务时长 {0} 小时，兑换此礼遇需满 {1} 小时。", "{0} h of confirmed service; this perk needs {1} h.";
        ErrUnknownVoucher => "找不到这张兑换券。", "No such voucher.";
        ErrInvalidVoucherCode => "“{0}”不是有效的兑换码（8 位字母和数字）。", "“{0}” is not a voucher code (8 letters and digits).";
        ErrUnknownVoucherCode => "没有兑换码为 {0} 的兑换券。", "No voucher has the code {0}.";
        ErrVoucherAlreadyUsed => "这张兑换券已于 {0} 核销，不能重复使用。", "This voucher was already used at {0}; it cannot be used twice.";
        ErrVoucherCancelled => "这张兑换券已取消。", "This voucher was cancelled.";
        ErrVoucherExpired => "这张兑换券已于 {0} 过期。", "This voucher expired at {0}.";
        ErrRedemptionNotReversible => "兑换和退还记录不能冲正，请取消对应的兑换券。", "Redemptions and refunds cannot be reversed; cancel the voucher instead.";
        ErrExpiryDaysRange => "积分有效期应在 1 到 {0} 天之间。", "Points must expire after 1 to {0} days.";
        FieldProjectTitle => "项目名称", "project title";
        FieldProjectDescription => "项目简介", "project description";
        FieldProjectPlace => "项目地点", "project place";
        FieldProjectCategory => "项目类别", "project category";
        FieldNeed => "资源需求", "resource need";
        FieldNeedUnit => "计量单位", "unit of measure";
        FieldUpdateText => "进展内容", "update text";
        ProjectCredit => "项目积分", "Project credit";
        ProjectStatusDraft => "草稿", "draft";
        ProjectStatusRecruiting => "招募中", "recruiting";
        ProjectStatusInProgress => "进行中", "in progress";
        ProjectStatusCompleted => "已完成", "completed";
        ProjectStatusArchived => "已归档", "archived";
        ProjectStatusCancelled => "已取消", "cancelled";
        ErrUnknownProject => "找不到这个项目。", "No such project.";
        ErrProjectTooLong => "一个项目最长 {0} 天。", "A project lasts at most {0} days.";
        ErrWithdrawDeadlineAfterEnd => "退出截止时间不能晚于项目结束时间。", "The withdraw deadline must be no later than the project's end.";
        ErrSlotsRange => "岗位名额应至少 1 个，最多 {0} 个。", "A role's slots must be at least 1 and at most {0}.";
        ErrQuantityRange => "需求数量应至少 1，最多 {0}。", "A quantity must be at least 1 and at most {0}.";
        ErrDuplicateNeed => "资源需求“{0}”重复了。", "The need “{0}” is listed twice.";
        ErrCoverColour => "“{0}”不是有效的颜色（格式为 #rrggbb）。", "“{0}” is not a colour of the form #rrggbb.";
        ErrCoverIcon => "“{0}”不是有效的图标名（小写字母、数字和连字符）。", "“{0}” is not an icon name (lowercase letters, digits and hyphens).";
        ErrSlotsBelowTaken => "岗位“{0}”已有 {1} 人，名额不能少于此数。", "{1} people hold slots of “{0}”; its slots cannot be fewer.";
        ErrRoleInUse => "岗位“{0}”已有人报名，不能删除或改名。", "The role “{0}” has sign-ups; it cannot be removed or renamed.";
        ErrNeedInUse => "资源需求“{0}”已有单位认捐，不能删除或更改计量单位。", "Units have pledged to “{0}”; it cannot be removed or change its unit.";
        ErrNothingToRecruit => "请至少设置一个岗位或一项资源需求，再发布项目。", "Add at least one role or need before publishing.";
        ErrCannotPublish => "项目当前为“{0}”，只有草稿可以发布。", "Only a draft can be published; the project is {0}.";
        ErrCannotStart => "项目当前为“{0}”，只有招募中的项目可以开始实施。", "Only a recruiting project can start; the project is {0}.";
        ErrCannotComplete => "项目当前为“{0}”，只有进行中的项目可以完成。", "Only a project in progress can be completed; the project is {0}.";
        ErrCannotArchive => "项目当前为“{0}”，只有已完成的项目可以归档。", "Only a completed project can be archived; the project is {0}.";
        ErrCannotCancel => "项目当前为“{0}”，不能取消。", "The project is {0}; it cannot be cancelled.";
        ErrProjectLocked => "项目当前为“{0}”，不能再修改。", "The project is {0}; it can no longer be changed.";
        ErrNotRecruiting => "项目当前为“{0}”，不在招募中，不能报名或认捐。", "The project is {0}, not recruiting: sign-ups and pledges are closed.";
        ErrProjectNotActive => "项目当前为“{0}”，报名和认捐不能再变动。", "The project is {0}; its sign-ups and pledges cannot change now.";
        ErrUpdatesClosed => "项目当前为“{0}”，不能发布进展。", "The project is {0}; progress updates cannot be posted.";
        ErrUnknownProjectRole => "项目没有“{0}”这个岗位。", "The project has no role “{0}”.";
        ErrUnknownNeed => "项目没有“{0}”这项资源需求。", "The project has no need “{0}”.";
        ErrRoleFull => "岗位名额已满，可以排队候补。", "This role is full; you can join the waitlist.";
        ErrMissingSkill => "这个岗位需要“{0}”技能。", "This role needs the skill “{0}”.";
        ErrAlreadyJoined => "已经报过名了。", "Already signed up.";
        ErrRemovedFromRole => "已被组织者移出这个岗位，不能再自行报名。", "The organizer removed you from this role; you cannot sign up for it again yourself.";
        ErrNotJoined => "没有报名这个岗位。", "Not signed up for this role.";
        ErrNotPending => "这不是待审核的报名。", "This is not a request awaiting approval.";
        ErrWithdrawDeadlinePassed => "已过退出截止时间。", "The withdraw deadline has passed.";
        ErrAlreadyPledged => "已经认捐过这项需求；如需更改，请先撤回。", "Already pledged to this need; withdraw the pledge first to change it.";
        ErrNotPledged => "没有认捐这项需求。", "No pledge to this need.";
        ErrPledgeRange => "认捐数量应至少 1，最多 {0}（需求总量）。", "A pledge must be at least 1 and at most {0}, the whole need.";
        ErrPledgeExceedsNeed => "这项需求还差 {0}，认捐不能超过此数。", "Only {0} is still needed; pledge no more than that.";
        ErrNeedMet => "这项需求已经认捐满了。", "This need is fully pledged.";
        ErrNotCompleted => "项目当前为“{0}”，完成后才能确认参与。", "The project is {0}; confirm who took part once it is completed.";
        ErrNoParticipantsChosen => "请选择参与的志愿者或单位。", "Choose the volunteers or units who took part.";
        ErrDuplicateParticipant => "同一参与者选了两次。", "A participant is chosen twice.";
        ErrNotAParticipant => "没有岗位名额也没有认捐，不能确认参与。", "Neither a slot nor a pledge: taking part cannot be confirmed.";
        ErrParticipationAlreadyConfirmed => "参与已经确认过了。", "Taking part was already confirmed.";
        FieldAlias => "称呼", "alias";
        FieldPrivateNote => "内部备注", "note for organizers";
        FieldWishTitle => "心愿内容", "wish";
        FieldWishDescription => "心愿说明", "description";
        FieldThankYou => "感谢留言", "thank-you note";
        WishCredit => "心愿积分", "Wish credit";
        ErrUnknownWish => "找不到这个心愿。", "No such wish.";
        ErrWishValueOverCap => "心愿估价不能超过 {0} 元。", "The estimated value may be at most ¥{0}.";
        ErrWantedByPassed => "期望完成日期已过，请选择以后的日期。", "The wanted-by date has passed; choose a later date.";
        ErrWantedByTooFar => "期望完成日期最多在 {0} 天以后。", "The wanted-by date may be at most {0} days ahead.";
        ErrChildFullName => "儿童心愿不能公开全名（“{0}”），请用“小X同学”等称呼。", "A child's wish may not show a full name (“{0}”); use an alias such as 小X同学.";
        ErrChildRealName => "儿童心愿不能公开孩子的真实姓名或名字（“{0}”，见内部备注），请用“小X同学”等不相关的称呼。", "A child's wish may not show the child's real name (“{0}”, from the private note); use an unrelated alias.";
        ErrChildSchool => "儿童心愿不能公开学校（“{0}”）。", "A child's wish may not show a school (“{0}”).";
        ErrChildAddress => "儿童心愿不能公开详细地址（“{0}”），楼栋即可。", "A child's wish may not show an exact address (“{0}”); the building is enough.";
        ErrPhoneInPublicText => "心愿公开内容不能包含电话号码（“{0}”），请写在内部备注里。", "A wish may not show a phone number (“{0}”); put it in the note for organizers.";
        ErrWishCapRange => "心愿估价上限应在 1 到 {0} 元之间。", "The value cap must be from ¥1 to ¥{0}.";
        ErrClaimDaysRange => "认领有效天数应在 1 到 {0} 天之间。", "A claim must hold for 1 to {0} days.";
        ErrWishPointsRange => "心愿积分应在 0 到 {0} 之间。", "A wish's points must be from 0 to {0}.";
        ErrOpenClaimsRange => "每人同时认领数应在 1 到 {0} 之间。", "Open claims per volunteer must be from 1 to {0}.";
        ErrWishNotPending => "只有待审核的心愿可以审核。", "Only a wish awaiting review can be published or rejected.";
        ErrWishNotPublished => "心愿还在审核中。", "The wish is awaiting review.";
        ErrWishNotClaimed => "这个心愿还没有人认领。", "Nobody has claimed this wish.";
        ErrWishInProgress => "心愿已被认领，正在圆梦中。", "The wish is claimed and being fulfilled.";
        ErrWishAlreadyFulfilled => "心愿已经圆梦了。", "The wish was already fulfilled.";
        ErrWishAlreadyConfirmed => "心愿已经确认过了。", "The wish was already confirmed.";
        ErrWishRejected => "心愿未通过审核。", "The wish was rejected.";
        ErrWishCancelled => "心愿已取消。", "The wish was cancelled.";
        ErrWishClosed => "心愿已关闭。", "The wish was closed.";
        ErrWishNotFulfilled => "心愿还没有圆梦，不能确认。", "The wish is not fulfilled yet, so it cannot be confirmed.";
        ErrWishNotDue => "期望完成日期（{0}）还没到，不能关闭；如不再需要，请取消。", "The wanted-by date ({0}) has not come, so the wish cannot be closed; cancel it if it is no longer needed.";
        ErrClaimedBySomeoneElse => "这个心愿已被他人认领。", "This wish was claimed by someone else.";
        ErrAlreadyYourClaim => "你已经认领了这个心愿。", "You already claimed this wish.";
        ErrClaimLapsed => "认领已于 {0} 超期，心愿已重新开放，请重新认领。", "Your claim lapsed at {0} and the wish is open again; claim it again.";
        ErrTooManyOpenClaims => "每人最多同时认领 {0} 个心愿，请先完成已认领的心愿。", "At most {0} open claims per volunteer; fulfil the ones you hold first.";
        ErrQuota => "本机存储已满，本次操作没有保存。请导出备份并清理空间后重试，已有数据不受影响。", "Storage is full, so this action was not saved. Export a backup and free space, then try again; stored data is unaffected.";
        ErrUnavailable => "无法使用本机存储：{0}", "Storage cannot be used: {0}";
        ErrReadOnly => "数据来自更新版本的邻里，本页面不能修改。请刷新页面。", "The data comes from a newer version of Linli; this page cannot change it. Please reload.";
        ErrStorage => "保存失败：{0}", "Saving failed: {0}";
        Activities => "志愿活动", "Volunteer activities";
        NewActivity => "发布活动", "New activity";
        CopyActivity => "复制为新活动", "Copy as a new activity";
        ActivityTitle => "活动名称", "Title";
        ActivityCategory => "类别", "Category";
        ActivityPlace => "地点", "Place";
        ActivityDetails => "活动说明", "Details";
        StartsAt => "开始时间", "Starts";
        EndsAt => "结束时间", "Ends";
        Capacity => "名额", "Places";
        SignupOpens => "报名开始", "Sign-up opens";
        SignupCloses => "报名截止", "Sign-up closes";
        CancelDeadline => "取消报名截止", "Cancel by";
        PointsRule => "积分规则", "Points rule";
        RulePerHour => "按时长：每小时积分", "Per hour: points per hour";
        RuleFixed => "固定积分", "Fixed points";
        RulePoints => "积分数", "Points";
        CapHours => "单次封顶小时数（可不填）", "Hours cap per activity (optional)";
        RolesField => "岗位及系数（如 组长:1.4, 队员:1.2）", "Roles and multipliers (e.g. leader:1.4, team:1.2)";
        PresencePercent => "到场比例要求（%）", "Presence required (%)";
        NoShowLimit => "缺席几次后不能报名", "No-shows before sign-up is blocked";
        RepeatWeeks => "每周重复（再发布几周）", "Repeat weekly (how many more weeks)";
        Publish => "发布", "Publish";
        Published => "已发布 {0} 个活动", "Published {0} activities";
        BadRoles => "岗位格式应为 名称:系数，用逗号分隔。", "Roles are name:multiplier, separated by commas.";
        BadNumber => "{0}应为数字。", "The {0} must be a number.";
        BadTime => "请填写{0}。", "Please fill in: {0}.";
        PhaseCancelled => "已取消", "Cancelled";
        PhaseNotOpen => "未开始报名", "Sign-up not open";
        PhaseOpen => "报名中", "Open";
        PhaseClosed => "报名已截止", "Sign-up closed";
        PhaseUnderway => "进行中", "Underway";
        PhaseEnded => "已结束", "Ended";
        SeatsLeft => "余 {0} / {1} 名额", "{0} of {1} places left";
        WaitingCount => "候补 {0} 人", "{0} waiting";
        Upcoming => "即将开始", "Upcoming";
        Past => "往期活动", "Past activities";
        SignUp => "报名", "Sign up";
        SignedUpDone => "报名成功", "You are signed up";
        JoinWaitlist => "名额已满，加入候补", "Full: join the waitlist";
        JoinedWaitlist => "已加入候补，第 {0} 位", "On the waitlist, place {0}";
        CancelSignup => "取消报名", "Cancel my sign-up";
        SignupCancelled => "已取消报名", "Sign-up cancelled";
        ChooseMeFirst => "请先在「我的」页选择你是谁，再报名。", "Choose who you are on the Me page first, then sign up.";
        MyStatus => "我的状态：{0}", "My status: {0}";
        StatusWaitlisted => "候补第 {0} 位", "Waitlist place {0}";
        StatusSignedUp => "已报名", "Signed up";
        StatusCheckedIn => "已签到", "Checked in";
        StatusCheckedOut => "已签退", "Checked out";
        StatusNoShow => "缺席", "No-show";
        StatusConfirmed => "已确认 {0} 小时，+{1} 积分", "Confirmed {0} h, +{1} points";
        StatusNotCounted => "到场不足，时长不计", "Not present long enough: no hours";
        StatusCancelled => "已取消", "Cancelled";
        Roster => "签到名单", "Roster";
        CheckIn => "签到", "Check in";
        CheckOut => "签退", "Check out";
        NoShow => "缺席", "No-show";
        Confirm => "确认时长", "Confirm hours";
        ConfirmAllButton => "全部确认（{0} 人）", "Confirm all ({0})";
        CheckInByCode => "扫码或输入志愿者编号、手机号签到", "Check in by card code, volunteer number or phone";
        CodeNotFound => "找不到这个编号对应的志愿者。", "No volunteer has that code.";
        CheckedInName => "{0} 已签到", "{0} checked in";
        CancelActivity => "取消活动", "Cancel the activity";
        CancelActivityReason => "取消原因", "Reason for cancelling";
        ActivityCancelledNote => "活动已取消：{0}", "Cancelled: {0}";
        NoRoster => "还没有人报名。", "Nobody has signed up yet.";
        Hours => "服务时长", "Service hours";
        HoursValue => "{0} 小时", "{0} h";
        StarLevel => "星级", "Star level";
        NoStar => "未评星", "No star yet";
        Stars => "{0} 星志愿者", "{0}-star volunteer";
        NextStar => "再服务 {0} 小时升星", "{0} more hours to the next star";
        MySignups => "我的报名", "My sign-ups";
        NoSignups => "还没有报名活动。", "No sign-ups yet.";
        Role => "岗位", "Role";
        NoRole => "（无）", "(none)";
        OpenActivity => "查看", "Open";
        Exports => "导出表格", "Exports";
        ExportsHint => "CSV 文件可直接用 Excel 打开。", "CSV files open directly in Excel.";
        ExportMembers => "导出志愿者名单", "Export volunteers";
        ExportHours => "导出服务时长", "Export service hours";
        ExportLedger => "导出积分台账", "Export the points ledger";
        Yes => "是", "Yes";
        No => "否", "No";
        ColJoined => "登记时间", "Registered";
        ColHours => "服务时长（小时）", "Service hours";
        ColBalance => "积分余额", "Points balance";
        ColStart => "活动时间", "Activity time";
        ColActivity => "活动", "Activity";
        ColVolunteer => "志愿者", "Volunteer";
        ColPresentHours => "在场时长（小时）", "Hours present";
        ColCountedHours => "计入时长（小时）", "Hours recorded";
        ColPoints => "积分", "Points";
        ColTime => "时间", "Time";
        ColFrom => "转出", "From";
        ColTo => "转入", "To";
        ColKind => "类型", "Kind";
        ColReason => "原因", "Reason";
        ColReversedBy => "冲正记录", "Reversed by";
        PoolAccount => "社区积分池", "Community pool";
        UnknownAccount => "（未知）", "(unknown)";
        CalendarFile => "下载我的报名日历（.ics）", "Download my sign-ups as a calendar (.ics)";
        ServiceRecord => "志愿服务记录（平台记录）", "Volunteer service record (platform record)";
        PrintRecord => "打印服务记录", "Print my service record";
        RecordNote => "本记录由邻里平台生成，为平台记录，非全国志愿服务信息系统证明。", "Generated by the Linli platform: a platform record, not a certificate of the national volunteer system.";
        RecordNumber => "记录编号", "Record number";
        IssuedOn => "出具日期", "Issued on";
        Issuer => "出具方", "Issued by";
        IssuerDefault => "邻里社区志愿服务平台", "Linli community volunteering platform";
        TotalHours => "累计服务时长", "Total service hours";
        Print => "打印", "Print";
        Shop => "积分超市", "Points shop";
        ShopHint => "用积分兑换商户赞助的礼遇。兑换不影响服务时长。", "Spend points on perks sponsored by local merchants. Spending never reduces your hours.";
        NoPerks => "积分超市还没有礼遇。", "No perks in the shop yet.";
        NewPerk => "上架礼遇", "Add a perk";
        PerkTitle => "礼遇名称", "Perk";
        PerkDescription => "说明", "Description";
        Sponsor => "赞助方", "Sponsor";
        CommunitySponsor => "社区", "The community";
        Cost => "所需积分", "Cost in points";
        Stock => "数量", "Stock";
        PerPerson => "每人限兑（可不填）", "Limit per person (optional)";
        ValidFrom => "兑换开始", "Valid from";
        ValidUntil => "兑换截止", "Valid until";
        MinHours => "需累计服务时长（小时）", "Service hours needed";
        PerkAdded => "已上架：{0}", "Added: {0}";
        PerkLeft => "剩 {0} / {1}", "{0} of {1} left";
        PerkCost => "{0} 积分", "{0} points";
        PerkOpen => "可兑换", "Available";
        PerkNotYet => "未开始", "Not yet";
        PerkSoldOut => "已兑完", "Sold out";
        PerkEnded => "已结束", "Ended";
        PerkWithdrawnTag => "已下架", "Withdrawn";
        Redeem => "兑换", "Redeem";
        Redeemed => "兑换成功，兑换码 {0}", "Redeemed: code {0}";
        WithdrawPerk => "下架", "Withdraw";
        WithdrawReason => "下架原因", "Reason for withdrawing";
        MyVouchers => "我的兑换券", "My vouchers";
        NoVouchers => "还没有兑换券。", "No vouchers yet.";
        VoucherCodeLabel => "兑换码", "Code";
        VoucherQr => "兑换码二维码", "Voucher QR code";
        VoucherOpen => "未使用，{0} 前有效", "Unused, valid until {0}";
        VoucherUsed => "已核销（{0}）", "Used ({0})";
        VoucherExpiredTag => "已过期", "Expired";
        VoucherCancelledTag => "已取消，积分已退还", "Cancelled, points refunded";
        CancelVoucher => "取消并退还积分", "Cancel and refund";
        VoucherRefunded => "已取消兑换券，退还 {0} 积分", "Voucher cancelled: {0} points refunded";
        Verify => "核销兑换券", "Verify a voucher";
        VerifyHint => "请商户输入或扫描顾客出示的兑换码。", "The merchant types or scans the code the customer shows.";
        FindVoucher => "查找", "Find";
        VerifyButton => "确认核销", "Verify";
        Verified => "核销成功：{0}", "Verified: {0}";
        VoucherHolder => "持有人", "Holder";
        Available => "可用积分", "Points available";
        ExpiringSoon => "{1} 到期 {0} 积分", "{0} points expire on {1}";
        ExpiredPoints => "已过期 {0} 积分", "{0} points expired";
        PointsPolicy => "积分有效期", "Points validity";
        ExpiryDays => "积分有效天数（空为永久有效）", "Days points stay valid (empty: forever)";
        SavePolicy => "保存", "Save";
        PolicySaved => "已保存积分有效期", "Points validity saved";
        Units => "共建单位", "Units";
        RegisterUnit => "登记单位", "Register a unit";
        UnitKindLabel => "单位类型", "Kind";
        KindDualRegistered => "双报到单位", "Dual-registered unit";
        KindCoBuilding => "共建单位", "Co-building unit";
        KindCompany => "企业", "Company";
        KindMerchant => "商户（红色合伙人）", "Merchant (red partner)";
        UnitName => "单位名称", "Unit name";
        Contact => "联系人", "Contact person";
        Address => "地址", "Address";
        NoUnits => "还没有登记单位。", "No units registered yet.";
        UnitPoints => "单位积分", "Unit points";
        Ranking => "排行榜", "Leaderboard";
        ThisMonth => "本月", "This month";
        ThisYear => "本年", "This year";
        AllTime => "累计", "All time";
        ByPoints => "按积分", "By points";
        ByHours => "按时长", "By hours";
        VolunteerRanking => "志愿者排行", "Volunteers";
        UnitRanking => "单位排行", "Units";
        RankRow => "第 {0} 名", "No. {0}";
        NoRanking => "这段时间还没有记录。", "Nothing recorded in this period.";
        ShowEntries => "显示", "Show";
        FilterAll => "全部", "All";
        FilterEarned => "获得", "Earned";
        FilterSpent => "支出", "Spent";
        FilterMonth => "本月", "This month";
        Projects => "共建项目", "Co-construction projects";
        ProjectTitle => "项目名称", "Project title";
        NewProject => "发起项目", "New project";
        FilterRecruiting => "招募中", "Recruiting";
        FilterNeedsMe => "需要我的技能", "Needs my skills";
        FilterMine => "我的项目", "My projects";
        AnyCategory => "全部类别", "All categories";
        ProjectDescription => "项目简介", "Description";
        JoinModeLabel => "报名方式", "Joining";
        JoinOpen => "自由报名", "Anyone may join";
        JoinApproval => "审核报名", "Organizer approves";
        WithdrawDeadline => "退出截止", "Withdraw by";
        CoverColour => "封面颜色", "Cover colour";
        VolunteerPoints => "每位志愿者积分", "Points per volunteer";
        UnitPointsRule => "每个单位积分", "Unit points per unit";
        CreateDraft => "保存草稿", "Save as draft";
        DraftSaved => "已保存草稿：{0}", "Draft saved: {0}";
        PublishProject => "发布招募", "Open for sign-up";
        StartProject => "开始实施", "Start";
        CompleteProject => "完成项目", "Complete";
        ArchiveProject => "归档", "Archive";
        CancelProject => "取消项目", "Cancel the project";
        CancelProjectReason => "取消原因", "Reason for cancelling";
        StatusLabel => "状态：{0}", "Status: {0}";
        SlotsFilled => "{0}：已报 {1} / {2}", "{0}: {1} of {2} filled";
        SlotsWaiting => "候补 {0}", "{0} waiting";
        SlotsPending => "待审核 {0}", "{0} to approve";
        NeedProgressText => "{0}：已认捐 {1} / {2} {3}", "{0}: {1} of {2} {3} pledged";
        JoinRole => "报名“{0}”", "Join as {0}";
        JoinRoleWaitlist => "“{0}”已满，加入候补", "{0} is full: join the waitlist";
        Joined => "已报名“{0}”", "Joined as {0}";
        Requested => "已提交申请，等待审核", "Request sent: waiting for approval";
        WithdrawRole => "退出“{0}”", "Leave {0}";
        Withdrawn => "已退出", "You have left";
        MyRoleStatus => "我在“{0}”：{1}", "My place in {0}: {1}";
        RoleSeated => "已入选", "In";
        RoleWaitlisted => "候补第 {0} 位", "Waitlist place {0}";
        RolePending => "待审核", "Waiting for approval";
        RoleDeclined => "未通过", "Declined";
        Approve => "通过", "Approve";
        Decline => "不通过", "Decline";
        Remove => "移出", "Remove";
        PendingRequests => "待审核的报名", "Requests to approve";
        OnBehalfOfUnit => "代单位报名或认捐", "For a unit: join a role or pledge";
        UnitLabel => "单位", "Unit";
        RoleLabel => "岗位", "Role";
        NeedLabel => "需求", "Need";
        Quantity => "数量", "Quantity";
        UnitJoin => "代单位报名", "Join the role for the unit";
        Pledge => "认捐", "Pledge";
        Pledged => "已认捐", "Pledged";
        Updates => "项目进展", "Progress updates";
        PostUpdate => "发布进展", "Post an update";
        UpdateText => "进展内容", "Update";
        NoUpdates => "还没有进展。", "No updates yet.";
        Participants => "参与者", "Participants";
        ConfirmParticipants => "确认参与并发放积分", "Confirm participation and credit points";
        ConfirmedParticipants => "已确认 {0} 位参与者", "{0} participants confirmed";
        ConfirmedTag => "已确认", "Confirmed";
        ExportParticipants => "导出参与者", "Export participants";
        ExportPledges => "导出认捐", "Export pledges";
        NoMatchingProjects => "没有符合条件的项目。", "No projects match.";
        UnitYuan => "元", "yuan";
        UnitSquareMetres => "平方米", "m²";
        UnitItems => "件", "items";
        ScanCard => "扫描志愿者卡签到", "Scan a volunteer card";
        ScanVoucher => "扫描兑换码", "Scan the voucher";
        CameraFailed => "无法使用摄像头：{0}。请输入编号。", "The camera cannot be used: {0}. Type the code instead.";
        WishWall => "心愿墙", "Wish wall";
        WallCounts => "今年已点亮 {0} 个心愿，帮助 {1} 位居民", "This year: {0} wishes lit, {1} residents helped";
        PostWish => "发布心愿", "Post a wish";
        ForYou => "为你推荐", "Suggested for you";
        OpenWishes => "待认领", "Waiting";
        ClaimedWishes => "已认领", "Claimed";
        LitWishes => "已点亮", "Lit";
        PendingWishes => "待审核", "To review";
        WishAlias => "称呼（如 独居老人 王奶奶）", "Alias (e.g. Granny Wang, living alone)";
        Beneficiary => "对象", "Who it is for";
        KindElderly => "独居老人", "Elderly, living alone";
        KindChild => "困境儿童", "Child in need";
        KindDisabled => "残疾人", "Disabled resident";
        KindFamily => "困难家庭", "Family in difficulty";
        KindOther => "其他", "Other";
        PrivateNote => "内部备注（仅管理员可见）", "Private note (organizers only)";
        WishCategoryLabel => "类别", "Category";
        CatGoods => "物品", "Goods";
        CatService => "服务", "Service";
        CatCompanionship => "陪伴", "Companionship";
        CatLearning => "学习", "Learning";
        WishTitle => "心愿内容", "The wish";
        WishDescription => "心愿说明", "Description";
        WishValue => "估价（元）", "Estimated value (yuan)";
        WantedBy => "期望完成日期", "Wanted by";
        WishSkills => "需要的技能（用逗号分隔，可不填）", "Skills needed (comma separated, optional)";
        WishPosted => "已提交心愿，待审核", "Wish posted: waiting for review";
        PrivacyWarningAll => "请勿公开儿童的全名、学校或详细地址，以下内容需要修改：", "Do not publish a child's full name, school or exact address; change these:";
        ChildNoteHint => "写上孩子的真实姓名：公开的栏目会自动检查，不让姓名或名字出现。", "Write the child's real name here: the public fields are checked so that neither the name nor the given name appears.";
        PublishWish => "审核通过并发布", "Approve and publish";
        RejectWish => "不通过", "Reject";
        RejectReason => "不通过原因", "Reason";
        ClaimWish => "认领心愿", "Claim this wish";
        Claimed => "已认领，请在 {0} 前完成", "Claimed: please fulfil by {0}";
        FulfilWish => "我已圆梦", "I have fulfilled it";
        Fulfilled => "已标记圆梦，等待社区确认", "Marked fulfilled: waiting for the community to confirm";
        ReleaseWish => "放弃认领", "Give up the claim";
        Released => "已放弃认领", "Claim given up";
        ConfirmWish => "确认圆梦并发放积分", "Confirm and credit points";
        ThanksNote => "感谢留言（可不填）", "Thank-you note (optional)";
        WishConfirmed => "已确认圆梦", "Confirmed";
        CloseWish => "关闭心愿", "Close the wish";
        CancelWish => "取消心愿", "Cancel the wish";
        CancelWishReason => "取消原因", "Reason";
        PhasePending => "待审核", "To review";
        PhaseOpenWish => "待认领", "Waiting";
        PhaseReopened => "重新开放", "Open again";
        PhaseClaimed => "已认领", "Claimed";
        PhaseFulfilled => "已圆梦", "Fulfilled";
        PhaseConfirmed => "已点亮", "Lit";
        PhaseRejected => "未通过", "Rejected";
        PhaseCancelledWish => "已取消", "Cancelled";
        WishPhaseClosed => "已关闭", "Closed";
        DaysLeft => "还剩 {0} 天", "{0} days left";
        ClaimedBy => "认领人：{0}", "Claimed by {0}";
        ClaimedByOther => "已被他人认领", "Claimed by someone else";
        SuggestedClaimants => "推荐认领人", "Suggested helpers";
        ReasonSameBuilding => "同楼栋", "Same building";
        ReasonSameGrid => "同网格", "Same grid";
        ReasonHasSkill => "具备技能：{0}", "Has the skill: {0}";
        ReasonMissingSkill => "缺少技能：{0}", "Lacks the skill: {0}";
        ReasonSuits => "“{0}”适合{1}类心愿", "{0} suits {1} wishes";
        ReasonDoneBefore => "做过 {0} 次{1}类心愿", "Did {1} wishes {0} times";
        ReasonUrgent => "{0} 天内需要", "Needed within {0} days";
        ReasonUrgentToday => "今天就需要", "Needed today";
        ReasonOpenAgain => "之前的认领已过期", "An earlier claim lapsed";
        ReasonHoldsClaims => "已有 {0} 个认领", "Already holds {0} claims";
        ReasonRecentlyLit => "近期已点亮 {0} 个", "Lit {0} recently";
        ThanksShown => "感谢：{0}", "Thanks: {0}";
        PartyOnly => "只看党员", "Party members only";
        AllGrids => "全部网格", "All grids";
        FilterGrid => "按网格筛选", "Filter by grid";
        Recovery => "数据恢复", "Data recovery";
        RecoveryHint => "下面这些已保存的数据无法读取。它们原样保留在本机，没有被覆盖；其余数据正常使用。可以先下载原始数据留存，再从备份文件恢复。", "The stored data below could not be read. It is kept on this device exactly as it was and nothing overwrote it; everything else works. Download the raw data to keep it, then restore from a backup file.";
        RecoveryDetails => "查看详情", "Details";
        DownloadRaw => "下载原始数据", "Download the raw data";
        NothingToRecover => "所有已保存的数据都能正常读取。", "All stored data can be read.";
        MyCard => "我的志愿者卡", "My volunteer card";
        MyCardHint => "签到时请出示此码，或报出志愿者编号、手机号。", "Show this code at check-in, or give your volunteer number or phone.";
        CardQr => "志愿者卡二维码", "Volunteer card QR code";
        Backup => "数据备份", "Backup";
        BackupHint => "备份文件包含全部记录，可导入到其他设备合并。管理密码不会导出。", "A backup holds every record and can be imported on another device, where it merges. The PIN is never exported.";
        ExportBackup => "导出备份", "Export a backup";
        ImportBackup => "导入备份文件", "Import a backup file";
        LastBackup => "上次备份：{0}", "Last backup: {0}";
        NeverBackedUp => "还没有导出过备份。", "No backup exported yet.";
        Exported => "已导出 {0} 条记录。", "Exported {0} records.";
        Imported => "导入完成：新增 {0} 条，已有 {1} 条，未导入 {2} 条。", "Import done: {0} new, {1} already here, {2} not imported.";
        ImportStopped => "存储已满，还有 {0} 条未保存。清理空间后再次导入同一文件即可补全。", "Storage filled up: {0} records were not stored. Free space and import the same file again to finish.";
        RejectedRecord => "第 {0} 条（{1}）：{2}", "Record {0} ({1}): {2}";
        RecordUnknownKind => "不认识的记录类型“{0}”", "an unknown kind of record, “{0}”";
        RecordMissing => "缺少“{0}”", "“{0}” is missing";
        RecordMalformed => "内容的格式不对", "its content is not in the expected form";
        ConflictRecord => "记录 {0} 与本机同编号记录内容不同，未导入。", "Record {0} differs from this device's record with the same id; not imported.";
        NotJson => "文件不是有效的 JSON：{0}", "The file is not valid JSON: {0}";
        NotABackup => "这不是邻里的备份文件。", "This is not a Linli backup file.";
        NewerBackup => "备份来自更新版本（格式 {0}），请先更新应用。", "The backup comes from a newer version (format {0}); update the app first.";
        ReadFileFailed => "无法读取文件。", "The file could not be read.";
        // Embedding, the offline app and backup reminders.
        BackupReminder => "备份提醒", "Backup reminder";
        BackupDueNever => "本机数据还没有备份过", "Never backed up";
        BackupDueOld => "已超过 {0} 天没有备份", "No backup for over {0} days";
        BackupGoThere => "去备份", "Back up now";
        StoragePersisted => "浏览器已同意持久保存本设备的数据。", "The browser keeps this device's data persistently.";
        // Forms (src/ui/form.rs).
        FixProblems => "还有 {0} 处需要修改，已在各栏下方标出：", "{0} field(s) need changing; each is marked below it:";
        BadDecimal => "{0}应为数字，例如 5 或 2.5。", "The {0} must be a number, such as 5 or 2.5.";
        RequiredHint => "带 * 的为必填项。", "Fields marked * are required.";
        ColMeasure => "计量单位", "Unit of measure";
        ColWithdrawnAt => "撤回时间", "Withdrawn at";
        // Volunteers: numbers, editing, hours.
        PointsValue => "{0} 积分", "{0} points";
        RegisteredNumber => "已登记：{0}，编号 {1}", "Registered: {0}, number {1}";
        NumberHint => "留空则自动编为 {0}", "Leave empty to give the next number, {0}";
        DuplicateNumberNote => "编号 {0} 被两位志愿者同时使用（两台设备同时登记），请修改其中一位：", "Number {0} is held by two volunteers (registered on two devices at once); correct one of them:";
        SharesNumber => "编号 {0} 与 {1} 重复，请修改其中一位的编号。", "Number {0} is also {1}'s: correct one of them.";
        VolunteerDetails => "志愿者资料", "Volunteer details";
        SkillsLabel => "技能", "Skills";
        NotGiven => "未填写", "not given";
        EditVolunteer => "修改资料", "Edit details";
        CloseEdit => "收起修改", "Close the form";
        SaveChanges => "保存修改", "Save changes";
        VolunteerSaved => "已保存：{0}", "Saved: {0}";
        DeductQuestion => "从 {0} 的积分中扣减 {1} 积分？扣减后可用 {2} 积分。", "Deduct {1} points from {0}? {2} points will be left.";
        ConfirmDeduct => "确认扣减", "Deduct";
        // The project form's role and need editor.
        RolesHeading => "岗位", "Roles";
        NeedsHeading => "资源需求", "Resources needed";
        NoRolesYet => "还没有岗位。可以先保存草稿，发布前再添加。", "No roles yet. You can save the draft now and add them before publishing.";
        NoNeedsYet => "还没有资源需求。", "No resources needed yet.";
        AddRole => "＋ 添加岗位", "+ Add a role";
        AddNeed => "＋ 添加需求", "+ Add a need";
        RoleNumber => "岗位 {0}", "Role {0}";
        NeedNumber => "需求 {0}", "Need {0}";
        RemoveRow => "删除{0}", "Remove {0}";
        RoleName => "岗位名称", "Role name";
        Slots => "名额", "Slots";
        RoleSkills => "所需技能（可不填，用逗号分隔）", "Skills needed (optional, comma separated)";
        NeedName => "需求名称", "What is needed";
        NeedAmount => "数量", "Amount";
        NeedUnitLabel => "计量单位", "Counted in";
        UnitOther => "其他单位…", "Other…";
        UnitWord => "单位名称（如 箱、桌）", "The unit (e.g. boxes, tables)";
        ChooseUnitFirst => "请先选择单位。", "Choose the unit first.";
        ChooseVolunteerFirst => "请先选择志愿者。", "Choose the volunteer first.";
        PledgedAmount => "已认捐“{0}”{1}", "Pledged {1} to {0}";
        AssignVolunteer => "指派志愿者到岗位", "Put a volunteer in a role";
        AssignButton => "指派", "Assign";
        // Asking before spending or undoing (src/ui/components/confirm.rs).
        WhosePoints => "{0} 的可用积分", "{0}'s points available";
        ChooseMeToRedeem => "兑换前，请先在「我的」页选择你是谁。", "To redeem, first choose who you are on the Me page.";
        RedeemQuestion => "用 {0} 的 {1} 积分兑换“{2}”？兑换后剩 {3} 积分。", "Spend {1} of {0}'s points on “{2}”? {3} points will be left.";
        ConfirmRedeem => "确认兑换", "Redeem";
        CancelSignupQuestion => "取消 {0} 在“{1}”（{2}）的报名？名额会让给候补的人。", "Cancel {0}'s sign-up for “{1}” ({2})? The place goes to the next person waiting.";
        ConfirmCancelSignup => "确认取消报名", "Cancel the sign-up";
        CancelVoucherQuestion => "取消 {0} 的兑换券“{1}”，退还 {2} 积分？兑换码随即作废。", "Cancel {0}'s voucher for “{1}” and refund {2} points? Its code stops working.";
        ConfirmCancelVoucher => "确认取消并退还", "Cancel and refund";
        WithdrawQuestion => "{0} 退出“{2}”的“{1}”岗位？名额会让给候补的人。", "Take {0} out of the role {1} of “{2}”? The place goes to the next person waiting.";
        ConfirmWithdraw => "确认退出", "Leave the role";
        RemoveQuestion => "把 {0} 移出“{1}”岗位？", "Remove {0} from the role {1}?";
        ConfirmRemove => "确认移出", "Remove";
        ReleaseQuestion => "{0} 放弃认领“{1}”？心愿会重新开放给其他人认领。", "Should {0} give up the claim on “{1}”? The wish opens to others again.";
        ConfirmRelease => "确认放弃", "Give it up";
        VerifyStatusOpen => "✔ 可以核销：未使用，{0} 前有效", "✔ Can be used: unused, valid until {0}";
        VerifyStatusUsed => "✘ 已核销（{0}），不能再次使用", "✘ Already used ({0}); it cannot be used again";
        VerifyStatusExpired => "✘ 已过期（{0}），不能核销", "✘ Expired ({0}); it cannot be used";
        VerifyStatusCancelled => "✘ 已取消（{0}），积分已退还，不能核销", "✘ Cancelled ({0}) and refunded; it cannot be used";
        // The roster.
        StatusCheckedInAt => "{0} 已签到", "Checked in at {0}";
        StatusCheckedOutAt => "{0} 已签退，在场 {1} 分钟", "Checked out at {0}, present {1} min";
        EarlyCheckInQuestion => "活动 {1} 才开始。现在为 {0} 签到吗？开始前的时间不计入服务时长。", "The activity starts at {1}. Check {0} in now? Time before the start does not count as service.";
        ConfirmCheckIn => "确认签到", "Check in";
        NotStartedNote => "活动 {0} 开始。开始前签到的，服务时长从开始时计算。", "The activity starts at {0}. For anyone checked in earlier, service counts from the start.";
        CheckedInEarly => "{0} 已签到。活动 {1} 开始，时长从开始时计算。", "{0} checked in. The activity starts at {1}; service counts from then.";
        PresenceShort => "在场 {0} 分钟，不足要求的 {1} 分钟（{2}%）：按签到签退确认将不计时长。如实际服务更久，请填写分钟数确认。", "Present {0} min, under the {1} min required ({2}%): confirmed as checked, no hours count. If they served longer, confirm the minutes you saw.";
        ShortConfirmQuestion => "{0} 在场 {1} 分钟，不足要求。按此确认将不计时长、不得积分。确认吗？", "{0} was present {1} min, under the share: confirmed like this, no hours and no points count. Confirm?";
        ConfirmNotCounted => "确认（不计时长）", "Confirm (no hours)";
        ConfirmAllShortQuestion => "确认 {0} 人的时长？其中 {1} 在场不足，将不计时长（可先按分钟单独确认）。", "Confirm {0} people's hours? {1}: present under the share, no hours will count (confirm their minutes one by one first if they served longer).";
        ConfirmAllYes => "全部确认", "Confirm all";
        ServedMinutes => "实际服务分钟数", "Minutes served";
        ServedMinutesMax => "实际服务分钟数（最多 {0}）", "Minutes served (at most {0})";
        MinutesZero => "请填写大于 0 的分钟数。", "Enter more than 0 minutes.";
        ConfirmMinutes => "按所填分钟确认", "Confirm these minutes";
        ConfirmMinutesFor => "为 {0} 按分钟确认", "Confirm minutes for {0}";
        CommunityName => "社区名称", "Community name";
        DeviceLabel => "设备名称", "Device name";
        CommunityNameRule => "请填写社区名称（最多 {0} 个字）。", "Enter the community's name (at most {0} characters).";
        NoRandomness => "这台设备无法生成安全的密钥。", "This device cannot make a secure key.";
        Founded => "已建立社区：{0}", "Community set up: {0}";
        Upgraded => "已升级：{0} 条记录由这台设备签名接管，什么都没有丢。", "Upgraded: {0} records are now signed by this device; nothing was lost.";
        BadInvitation => "这不是邀请码。请复制社区工作者发来的完整链接或代码。", "This is not an invitation. Copy the whole link or code the organizer sent.";
        OtherCommunity => "这台设备已属于另一个社区。", "This device belongs to another community.";
        JoinedCommunity => "已加入：{0}", "Joined: {0}";
        InvitationRenewed => "同步邀请已更新。", "Sync invitation renewed.";
        RenewHint => "这个邀请带有新的同步设置（例如新的通行令牌）。", "This invitation brings new sync settings (a new token, for instance).";
        Renew => "使用这个新邀请", "Use this new invitation";
        ExportNotAllowed => "只有社区工作者输入管理密码后才能导出完整备份。", "Only an organizer, with the PIN entered, can export a full backup.";
        FileOtherCommunity => "这个备份属于另一个社区（{0}），没有导入。", "This backup belongs to another community ({0}); nothing was imported.";
        FileJoinFirst => "这个备份属于 {0}：请先加入这个社区。", "This backup belongs to {0}: join that community first.";
        ErrNotApproved => "这台设备还没有获得社区工作者批准。", "An organizer has not approved this device yet.";
        ErrRevoked => "这台设备已被撤销。", "This device was revoked.";
        ErrForSomeoneElse => "这台手机只能为绑定的志愿者本人操作。", "This phone can act only for the volunteer it is bound to.";
        ErrNotAllowed => "这台设备无权做这件事。", "This device may not do that.";
        ErrLocked => "请先在“管理”输入管理密码。", "Enter the organizer PIN under Organizer first.";
        ErrNoCommunity => "这台设备还没有加入社区。", "This device has not joined a community yet.";
        RoleOrganizer => "社区工作者", "Organizer";
        RoleVolunteer => "志愿者 {0} 的手机", "{0}'s phone";
        RoleMerchant => "商户 {0} 的收银台", "Counter of merchant {0}";
        RoleUnit => "单位 {0}", "Unit {0}";
        WhyUnsigned => "没有签名（旧版本的数据，或手工写入）", "Unsigned (data from an earlier version, or written by hand)";
        WhyBadSignature => "签名不符：内容被改动或损坏", "The signature does not match: changed or damaged";
        WhyUnknownKey => "社区不认识的设备", "A device the community does not know";
        WhyRevoked => "已撤销的设备在撤销后写入", "Written by a revoked device after its revocation";
        WhyNotAllowed => "{0}无权做这件事", "{0} may not do this";
        WhyForSomeoneElse => "{0}只能为自己操作", "{0} may act only for itself";
        WhyNotTheFounder => "不是本社区的建立者", "Not this community's founder";
        WhyAlreadyEnrolled => "这台设备已经绑定", "This device is bound already";
        WhyNotAnOrganizer => "只有社区工作者能为别人的记录担保", "Only an organizer may vouch for others' records";
        WhyOrganizersOnly => "个人信息只存在社区工作者的设备上", "Personal details stay on organizer devices";
        WhyRewritten => "它改写了本机已有的记录：同一设备写出了两份不同的历史", "It rewrites records this device already holds: one device wrote two different histories";
        FirstRunTitle => "欢迎使用邻里", "Welcome to Linli";
        FirstRunHint => "这台设备还没有加入社区。", "This device has not joined a community yet.";
        FirstRunJoin => "加入社区", "Join a community";
        FirstRunJoinHint => "志愿者、商户，以及其他社区工作者的设备：粘贴社区工作者发来的邀请链接或代码，或用手机相机扫描他们出示的二维码。", "Volunteers, merchants and other organizers' devices: paste the invitation link or code an organizer sent, or scan the QR code they show with the phone's camera.";
        FirstRunSetUp => "建立社区", "Set up a community";
        DemoTitle => "先看看演示社区", "Look around a demo community";
        DemoHint => "一个填满示例数据的社区：志愿者、活动、积分超市、项目和心愿。它单独保存，不会碰到你的数据；你可以进入管理模式随意试用，用完一键删除。", "A community filled with sample data: volunteers, activities, the points shop, projects and wishes. It is kept apart and never touches your data; try organizer mode freely, then delete it in one tap.";
        OpenDemo => "打开演示社区", "Open the demo community";
        DemoOpening => "正在打开演示社区…", "Opening the demo community…";
        DemoNeedsStorage => "演示社区需要浏览器存储，而这个页面现在不能使用存储。", "The demo community needs the browser's storage, which this page cannot use now.";
        DemoFetchFailed => "演示社区没有打开：{0}", "The demo community did not open: {0}";
        DemoBanner => "演示社区 · 数据不是真的", "Demo community · the data is not real";
        DeleteDemo => "删除演示数据", "Delete the demo data";
        FirstRunSetUpHint => "社区工作者在自己的第一台设备上建立社区。", "An organizer sets up the community on their first device.";
        SetUpCommunity => "建立社区", "Set up the community";
        SetUpHint => "这台设备将成为社区的第一台社区工作者设备。管理密码锁住它的社区密钥：没有密码就不能以社区工作者身份记录任何事。", "This device becomes the community's first organizer device. The PIN locks its community key: without it, nothing can be recorded as an organizer.";
        PinProtectsKey => "4–8 位数字，只在本机使用，用来锁住社区密钥。", "4–8 digits, used on this device only, to lock the community key.";
        UpgradeTitle => "升级为带签名的社区", "Upgrade to a signed community";
        UpgradeHint => "这台设备存有旧版本的数据。请给社区起名并输入原来的管理密码：数据由这台设备签名接管，什么都不会丢。", "This device holds data from an earlier version. Name the community and enter the PIN you had: this device signs the data over; nothing is lost.";
        Upgrade => "升级", "Upgrade";
        InvitationCode => "邀请链接或代码", "Invitation link or code";
        ScanInvitation => "扫描邀请二维码", "Scan the invitation QR code";
        JoinCommunity => "加入社区", "Join the community";
        Joining => "正在加入…", "Joining…";
        SettingUp => "正在建立社区…", "Setting up…";
        JoinNamed => "加入 {0}", "Join {0}";
        JoinLinkHint => "加入后，你能看到社区的活动、项目和心愿；在“我的”里找到自己，申请绑定这台手机。", "Once joined, you see the community's activities, projects and wishes; find yourself under Me and ask to bind this phone.";
        AlreadyMember => "这台设备已经加入了这个社区。", "This device has already joined this community.";
        NoCommunityYet => "这台设备还没有加入社区。", "This device has not joined a community yet.";
        NotJoinedHint => "这台设备还没有加入社区。加入或建立社区后，这里会显示社区的内容。", "This device has not joined a community yet. Once it joins or sets one up, the community's content shows here.";
        NotJoinedGo => "去首页加入社区", "Join a community on the home screen";
        ThisDevice => "这台设备", "This device";
        ThisDeviceMark => "（本机）", "(this device)";
        FindMe => "找到我", "Find me";
        FindMeField => "手机号或志愿者编号", "Phone number or volunteer number";
        FindMeHint => "输入登记时留的手机号，或志愿者卡上的编号。", "Type the phone number you registered with, or the number on your volunteer card.";
        FindMeButton => "查找", "Find";
        FindMeFound => "找到的志愿者", "Volunteers found";
        FindMeNone => "没有找到。请核对号码，或请社区工作者帮你登记。", "Not found. Check the number, or ask an organizer to register you.";
        FindMeArriving => "社区的记录还没有全部收到，收到后会自动再找一次。", "The community's records have not all arrived yet; Linli looks again when they do.";
        IsItYou => "您是 {0} 吗？", "Are you {0}?";
        YesBindPhone => "是我（{0}），申请绑定这台手机", "Yes, I am {0}: bind this phone";
        PhoneOf => "{0}的手机", "{0}'s phone";
        RequestSent => "已申请，等待社区工作者批准。", "Asked: waiting for an organizer to approve.";
        RequestDeclined => "社区工作者拒绝了这台设备的申请。请当面联系社区工作者。", "An organizer declined this device's request. Please see an organizer in person.";
        OtherDevices => "这不是志愿者的手机？", "Not a volunteer's phone?";
        MerchantCounter => "商户收银台：选择商户", "Merchant counter: choose the merchant";
        RequestAsMerchant => "申请作为商户收银台", "Ask to be this merchant's counter";
        RequestAsOrganizer => "申请作为社区工作者设备", "Ask to be an organizer device";
        DeviceLabelHint => "如：办公室电脑、李老师的手机", "Such as: office PC, Ms Li's phone";
        WaitingTitle => "等待批准", "Waiting for approval";
        WaitingHint => "已申请作为{0}。请请社区工作者扫描下面的二维码，或复制代码发给他们（设备码 {1}）。", "Asked to be {0}. Have an organizer scan the QR code below, or copy the code to them (device {1}).";
        HandOverQr => "交给社区工作者的二维码", "QR code for an organizer";
        HandOverCode => "交给社区工作者的代码", "Code for an organizer";
        HandOverNewTitle => "交给社区工作者", "Hand over to an organizer";
        HandOverNewHint => "没有网络时：请社区工作者在“管理 → 设备”扫描这个二维码，或把代码发给他们。这里有这台设备写的 {0} 条记录（报名、认领等）。", "Without a network: have an organizer scan this QR code under Organizer → Devices, or send them the code. It holds {0} records this device wrote (sign-ups, claims…).";
        NothingToHandOver => "没有需要交给社区工作者的新记录。", "Nothing new to hand over.";
        HandedOver => "社区工作者已收到", "The organizer has it";
        QrTooLong => "内容太多，放不进一个二维码：请复制下面的代码，或导出文件。", "Too much for one QR code: copy the code below, or export a file.";
        ScanHandOver => "扫描手机出示的二维码", "Scan the code a phone shows";
        Devices => "设备", "Devices";
        NeedsOrganizer => "请先在“管理”输入管理密码。", "Enter the organizer PIN under Organizer first.";
        SyncTitle => "实时同步", "Live sync";
        SyncHint => "填写社区同步服务器（y-sweet）的地址：各台设备联网时自动互通记录，没有网络时照常使用，联网后补上。个人信息只同步到社区工作者的设备。", "The address of the community's sync server (y-sweet): devices exchange records whenever they are online, work as usual without a network and catch up later. Personal details go to organizer devices only.";
        SyncServer => "同步服务器地址", "Sync server address";
        SyncServerHint => "例如 wss://sync.example.org，留空则不同步", "e.g. wss://sync.example.org; empty: no live sync";
        SyncKey => "服务器密钥", "Server key";
        SyncKeyHint => "服务器启动时用的 --auth 密钥（没有可留空）。它只用来生成本社区的通行令牌，不会保存。", "The --auth key the server runs with (empty if none). It only makes this community's tokens and is not kept.";
        SaveSync => "保存同步设置", "Save sync settings";
        SyncSaved => "同步设置已保存。", "Sync settings saved.";
        SyncStopped => "已停止实时同步。", "Live sync is off.";
        SyncServerInvalid => "服务器地址要以 wss://、ws://、https:// 或 http:// 开头。", "The server address must start with wss://, ws://, https:// or http://.";
        SyncKeyInvalid => "服务器密钥的格式不对：请复制服务器的 --auth 密钥。", "That is not a server key: copy the server's --auth key.";
        SyncOn => "正在同步到 {0}", "Syncing through {0}";
        SyncPrivateOn => "个人信息也在同步（仅社区工作者的设备）。", "Personal details sync too (organizer devices only).";
        SyncPrivateOff => "个人信息不实时同步：服务器没有密钥时，只通过文件交给其他社区工作者。", "Personal details do not sync live: without a server key they travel between organizers by file only.";
        Synced => "已同步", "Synced";
        Syncing => "同步中", "Syncing";
        SyncWaiting => "等待网络", "Waiting for network";
        SyncedAt => "上次同步 {0}", "Last synced {0}";
        SyncExpired => "同步已过期", "Sync expired";
        SyncExpiredHelp => "这台设备的同步邀请已过期，服务器不再让它进入。请向社区工作者要一个新的邀请链接，打开它就能继续同步。本机的记录不会丢，联网同步后会一起送出。", "This device's sync invitation has expired and the server no longer lets it in. Ask your community worker for a new invitation link and open it to sync again. Nothing on this device is lost: it is sent once syncing again.";
        SyncExpiredOrganizer => "这台设备的同步令牌已过期，服务器不再让它进入。请在 管理 → 设备 → 实时同步 再输入一次服务器密钥。本机的记录不会丢，联网同步后会一起送出。", "This device's sync tokens have expired and the server no longer lets it in. Enter the server key again under Organizer → Devices → Live sync. Nothing on this device is lost: it is sent once syncing again.";
        InviteTitle => "邀请加入社区", "Invite to the community";
        InviteHint => "让志愿者用手机相机扫描二维码，或把链接发到群里。", "Let volunteers scan the QR code with their phone's camera, or send the link to a group chat.";
        InviteQr => "加入社区的二维码", "QR code to join the community";
        InviteLink => "邀请链接", "Invitation link";
        TakeInTitle => "收下手机出示的代码", "Take in a phone's code";
        TakeInHint => "粘贴志愿者手机出示的代码（绑定申请、离线时的报名），或备份文件的内容。", "Paste the code a volunteer's phone shows (a binding request, sign-ups made offline), or a backup file's text.";
        TakeIn => "收下", "Take in";
        TakenIn => "收下 {0} 条新记录，{1} 条未收下。", "Took in {0} new records; {1} not taken in.";
        PendingDevices => "待批准的设备", "Devices waiting for approval";
        NoPending => "没有待批准的设备。", "No device is waiting.";
        BoundDevices => "已绑定的设备", "Bound devices";
        DeviceKeyAt => "设备码 {0} · {1}", "Device {0} · {1}";
        ApproveDevice => "批准", "Approve";
        ApproveWho => "批准 {0}", "Approve {0}";
        DeclineDevice => "拒绝", "Decline";
        DeclineWho => "拒绝 {0}", "Decline {0}";
        Approved => "已批准设备 {0}", "Approved device {0}";
        Revoke => "撤销", "Revoke";
        RevokeWho => "撤销 {0}", "Revoke {0}";
        RevokeReason => "撤销原因", "Reason";
        RevokedAt => "已撤销（{0}）：{1}", "Revoked ({0}): {1}";
        RevokedDone => "已撤销设备 {0}", "Revoked device {0}";
        KeptAside => "未计入的记录", "Records kept aside";
        KeptAsideHint => "这些记录存在这台设备上，但没有有效签名或没有权限：它们不改变任何积分、时长或状态。", "These records are on this device but lack a valid signature or the authority: they change no points, hours or status.";
        KeptAsideEvents => "未计入的记录", "Records that do not count";
        KeptAsideSegments => "签名不符的数据段", "Segments whose seal did not verify";
        NothingKeptAside => "没有未计入的记录。", "Nothing is kept aside.";
        EventsCount => "{0} 条记录", "{0} records";
        LegacyWaiting => "{0} 条旧版本的记录等待社区工作者接管。", "{0} records from an earlier version wait for an organizer to adopt them.";
        AdoptNow => "由这台设备签名接管", "Adopt them, signed by this device";
        UnsignedFile => "文件来自旧版本、没有签名：{0} 条记录未导入。", "The file is from an earlier version and unsigned: {0} records were not imported.";
        AdoptFileHint => "这个备份是你自己用旧版本导出的吗？只有确认是自己的文件时才接管：接管后这些记录由这台设备签名担保。", "Did you export this backup yourself with an earlier version? Adopt it only if so: the records are then vouched for by this device's signature.";
        AdoptFile => "是我自己的文件，接管这些记录", "It is my own file: adopt these records";
        UnreadableSegment => "{0}：无法读取（{1}）", "{0}: could not be read ({1})";
        KeySeparator => "：", ": ";
        CodecMalformed => "内容已损坏或不完整，不是邻里能读取的数据", "damaged or incomplete: not readable as Linli data";
        CodecNewerFormat => "由更新版本的邻里写入（格式 {0}），这个版本读不了", "written by a newer version of Linli (format {0}), which this version cannot read";
        CodecWrongReplica => "内容标明属于设备副本 {1}，却存放在副本 {0} 的位置", "it names replica {1}, but is stored in the place of replica {0}";
        CodecEvent => "其中第 {0} 条记录无法读取", "record {0} in it is unreadable";
        CodecMeta => "本机数据版本的记录无法读取（已原样保留，不会被改写）", "the record of the stored data's version is unreadable (kept as it is, never written over)";
        RefusedSegment => "{0}（{1} 条记录）：{2}", "{0} ({1} records): {2}";
        ExportPublic => "导出公开记录（给志愿者的手机）", "Export the public records (for volunteers' phones)";
        ExportPublicHint => "公开记录包含活动、项目、心愿和积分，姓名和电话已遮盖，不含任何个人信息：可以发给已加入社区的志愿者手机导入。", "The public records hold activities, projects, wishes and points, with names and phones masked and no personal details: send them to volunteers' phones that joined the community, to import.";
        ExportOwn => "导出这台设备写的记录", "Export what this device wrote";
        NotAnOrganizerDevice => "这台设备不是社区工作者的设备。社区工作者的设备请在“我的”里申请绑定。", "This is not an organizer's device. To make it one, ask to be bound under Me.";
        ForgotPin => "忘记密码？请在另一台社区工作者设备上撤销这台设备，再把它作为新设备申请绑定。", "Forgot the PIN? Revoke this device on another organizer device, then ask to bind it again as a new device.";
        ChangePin => "修改管理密码", "Change the PIN";
        NewPin => "新管理密码", "New PIN";
        PinChanged => "已修改管理密码。", "The PIN was changed.";
        // Wishes.
        YouFulfilledIt => "你已于 {0} 标记圆梦，等待社区确认后点亮。", "You marked it fulfilled at {0}; it lights up once the community confirms.";
        YouLitIt => "你帮助点亮了这个心愿，谢谢你！", "You helped light this wish. Thank you!";
        AwaitingWishes => "已圆梦，待确认", "Fulfilled, to confirm";
        // 我的: projects and wishes.
        MyProjects => "我参加的项目", "My projects";
        MyWishes => "我认领的心愿", "Wishes I claimed";
        NoProjectsJoined => "还没有参加共建项目。", "No projects joined yet.";
        NoWishesClaimed => "还没有认领心愿。", "No wishes claimed yet.";
        ClaimLapsedTag => "认领已超期", "Claim lapsed";
        CancelActivityQuestion => "取消活动“{0}”？已报名的 {1} 人会看到活动已取消，不能恢复。", "Call off “{0}”? The {1} people signed up will see it cancelled; this cannot be undone.";
        ConfirmCancelActivity => "确认取消活动", "Call it off";
        CancelWishQuestion => "取消心愿“{0}”？认领人会看到心愿已取消，不能恢复。", "Cancel the wish “{0}”? Whoever claimed it will see it cancelled; this cannot be undone.";
        ConfirmCancelWish => "确认取消心愿", "Cancel the wish";
        WithdrawPerkQuestion => "下架“{0}”？还剩 {1} 份将不能再兑换，已兑出的兑换券照常有效。", "Withdraw “{0}”? The {1} left can no longer be redeemed; vouchers already issued stay valid.";
        ConfirmWithdrawPerk => "确认下架", "Withdraw";
        RoleAndStanding => "{0}：{1}", "{0}: {1}";
        NeedWithUnit => "{0}（{1}）", "{0} ({1})";
        StorageNotPersisted => "浏览器未同意持久保存：空间不足或长期未打开时数据可能被清除，请定期导出备份。", "The browser did not grant persistent storage: data may be cleared when space runs low or the site is not opened for a while. Export backups regularly.";
    }
}

texts! {
    /// A text for a host page's developer (the errors thrown by the JavaScript API): both
    /// languages always, whatever the screen shows.
    Dev {
        ApiNotText => "{0} 须是文字。", "{0} must be a string.";
        ApiNotObject => "mount 的选项须是一个对象。", "mount's options must be an object.";
        ApiBadNamespace => "namespace 须由 1–40 个字母、数字、- 或 _ 组成：“{0}”。", "namespace must be 1–40 letters, digits, - or _: “{0}”.";
        ApiBadLocale => "locale 只能是 zh-CN 或 en：“{0}”。", "locale must be zh-CN or en: “{0}”.";
        ApiBadCommunity => "community 最多 40 个字：“{0}”。", "community may have at most 40 characters: “{0}”.";
        ApiBadTheme => "theme 须是 #1a73e8 这样的颜色：“{0}”。", "theme must be a colour like #1a73e8: “{0}”.";
        ApiBadRouting => "routing 只能是 memory 或 hash：“{0}”。", "routing must be memory or hash: “{0}”.";
        ApiMountFailed => "无法挂载邻里：{0}", "Linli could not be mounted: {0}";
        ApiUnmounted => "这个邻里已卸载。", "This Linli has been unmounted.";
        ApiLoading => "邻里还在加载：请先等待 handle.ready()。", "Linli is still loading: await handle.ready() first.";
        ApiPartFailed => "邻里的其余部分没能下载，请检查网络后重试。", "The rest of Linli could not be downloaded; check the network and try again.";
    }
}

fn field(lang: Lang, field: Field) -> &'static str {
    lang.t(match field {
        Field::Name => T::FieldName,
        Field::Phone => T::FieldPhone,
        Field::Number => T::FieldNumber,
        Field::Grid => T::FieldGrid,
        Field::Building => T::FieldBuilding,
        Field::Skills => T::FieldSkills,
        Field::Reason => T::FieldReason,
        Field::Points => T::FieldPoints,
        Field::Title => T::FieldTitle,
        Field::Category => T::FieldCategory,
        Field::Place => T::FieldPlace,
        Field::Details => T::FieldDetails,
        Field::Role => T::FieldRole,
        Field::UnitName => T::FieldUnitName,
        Field::Contact => T::FieldContact,
        Field::Address => T::FieldAddress,
        Field::PerkTitle => T::FieldPerkTitle,
        Field::Description => T::FieldDescription,
        Field::ProjectTitle => T::FieldProjectTitle,
        Field::ProjectDescription => T::FieldProjectDescription,
        Field::ProjectPlace => T::FieldProjectPlace,
        Field::ProjectCategory => T::FieldProjectCategory,
        Field::Need => T::FieldNeed,
        Field::NeedUnit => T::FieldNeedUnit,
        Field::UpdateText => T::FieldUpdateText,
        Field::Alias => T::FieldAlias,
        Field::PrivateNote => T::FieldPrivateNote,
        Field::WishTitle => T::FieldWishTitle,
        Field::WishDescription => T::FieldWishDescription,
        Field::ThankYou => T::FieldThankYou,
        Field::CommunityName => T::CommunityName,
        Field::DeviceLabel => T::DeviceLabel,
    })
}

/// Why an action was refused, in the user's language.
pub fn error_text(lang: Lang, error: &ActError) -> String {
    match error {
        ActError::Domain(error) => domain_error_text(lang, error),
        ActError::Store(error) => store_error_text(lang, error),
        ActError::Refused(Refusal::UnknownKey) => lang.t(T::ErrNotApproved).to_owned(),
        ActError::Refused(Refusal::Revoked) => lang.t(T::ErrRevoked).to_owned(),
        ActError::Refused(Refusal::ForSomeoneElse(_)) => lang.t(T::ErrForSomeoneElse).to_owned(),
        ActError::Refused(_) => lang.t(T::ErrNotAllowed).to_owned(),
        ActError::Locked => lang.t(T::ErrLocked).to_owned(),
        ActError::NoCommunity => lang.t(T::ErrNoCommunity).to_owned(),
    }
}

pub fn import_error_text(lang: Lang, error: &ImportError) -> String {
    match error {
        ImportError::Backup(error) => backup_error_text(lang, error),
        ImportError::OtherCommunity(c) => lang.f(T::FileOtherCommunity, &[&c.name]),
        ImportError::NoCommunity(c) => lang.f(T::FileJoinFirst, &[&c.name]),
        ImportError::Store(error) => store_error_text(lang, error),
    }
}

/// Who a role is, in words: 社区工作者, 志愿者 王*明, 商户 …
pub fn role_text(lang: Lang, state: &State, role: Role) -> String {
    let unit = |id| {
        state
            .unit(id)
            .map(|u| u.profile.name.clone())
            .unwrap_or_default()
    };
    match role {
        Role::Organizer => lang.t(T::RoleOrganizer).to_owned(),
        Role::Volunteer(v) => lang.f(
            T::RoleVolunteer,
            &[&state
                .volunteer(v)
                .map(|v| mask_name(&v.profile.name))
                .unwrap_or_default()],
        ),
        Role::Merchant(u) => lang.f(T::RoleMerchant, &[&unit(u)]),
        Role::Unit(u) => lang.f(T::RoleUnit, &[&unit(u)]),
    }
}

/// Why an event does not count, in words.
pub fn refusal_text(lang: Lang, state: &State, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Unsigned => lang.t(T::WhyUnsigned).to_owned(),
        Refusal::BadSignature => lang.t(T::WhyBadSignature).to_owned(),
        Refusal::UnknownKey => lang.t(T::WhyUnknownKey).to_owned(),
        Refusal::Revoked => lang.t(T::WhyRevoked).to_owned(),
        Refusal::NotAllowed(role) => lang.f(T::WhyNotAllowed, &[&role_text(lang, state, *role)]),
        Refusal::ForSomeoneElse(role) => {
            lang.f(T::WhyForSomeoneElse, &[&role_text(lang, state, *role)])
        }
        Refusal::NotTheFounder => lang.t(T::WhyNotTheFounder).to_owned(),
        Refusal::AlreadyEnrolled => lang.t(T::WhyAlreadyEnrolled).to_owned(),
        Refusal::Invalid(error) => domain_error_text(lang, error),
    }
}

/// Why a record of a version-1 file was not read, in words: the reader's reason is
/// serde's English (`unknown variant `x``, `missing field `y``…), kept as it is for the
/// embed API; the screen names its kind in the person's language.
pub fn record_problem_text(lang: Lang, reason: &str) -> String {
    let quoted = |after: &str| {
        reason
            .split_once(after)
            .and_then(|(_, rest)| rest.strip_prefix('`'))
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name.to_owned())
    };
    if let Some(kind) = quoted("unknown variant ") {
        lang.f(T::RecordUnknownKind, &[&kind])
    } else if let Some(field) = quoted("missing field ") {
        lang.f(T::RecordMissing, &[&field])
    } else {
        lang.t(T::RecordMalformed).to_owned()
    }
}

/// Why a sealed segment's events do not count, in words.
pub fn seal_refusal_text(lang: Lang, refusal: SealRefusal) -> &'static str {
    lang.t(match refusal {
        SealRefusal::UnknownKey => T::WhyUnknownKey,
        SealRefusal::BadSignature => T::WhyBadSignature,
        SealRefusal::NotAnOrganizer => T::WhyNotAnOrganizer,
        SealRefusal::NoCommunity => T::ErrNoCommunity,
        SealRefusal::OrganizersOnly => T::WhyOrganizersOnly,
        SealRefusal::Rewritten => T::WhyRewritten,
    })
}

/// Why stored text could not be read, in the screen's language: every reason in
/// words of its own, never the English of `CodecError`'s `Display` (the free-form
/// detail some reasons carry is for developers, and stays in the raw download).
pub fn codec_error_text(lang: Lang, error: &CodecError) -> String {
    match error {
        CodecError::Malformed(_) => lang.t(T::CodecMalformed).to_owned(),
        CodecError::NewerFormat(format) => lang.f(T::CodecNewerFormat, &[format]),
        CodecError::WrongReplica { expected, found } => {
            lang.f(T::CodecWrongReplica, &[expected, found])
        }
        CodecError::Event { index, .. } => lang.f(T::CodecEvent, &[&(index + 1)]),
        CodecError::Meta(_) => lang.t(T::CodecMeta).to_owned(),
    }
}

pub fn domain_error_text(lang: Lang, error: &DomainError) -> String {
    match error {
        DomainError::Required(f) => lang.f(T::ErrRequired, &[&field(lang, *f)]),
        DomainError::TooLong { field: f, max } => lang.f(T::ErrTooLong, &[&field(lang, *f), max]),
        DomainError::TooMany { field: f, max } => lang.f(T::ErrTooMany, &[&field(lang, *f), max]),
        DomainError::InvalidPhone => lang.t(T::ErrPhone).to_owned(),
        DomainError::DuplicateNumber(n) => lang.f(T::ErrDuplicateNumber, &[n]),
        DomainError::UnknownVolunteer(_) => lang.t(T::ErrUnknownVolunteer).to_owned(),
        DomainError::UnknownEntry(_) => lang.t(T::ErrUnknownEntry).to_owned(),
        DomainError::PointsOutOfRange { max } => lang.f(T::ErrPointsRange, &[max]),
        DomainError::InsufficientPoints { balance, needed } => {
            lang.f(T::ErrInsufficient, &[balance, needed])
        }
        DomainError::AlreadyReversed(_) => lang.t(T::ErrAlreadyReversed).to_owned(),
        DomainError::CannotReverseReversal => lang.t(T::ErrReverseReversal).to_owned(),
        DomainError::UnknownActivity(_) => lang.t(T::ErrUnknownActivity).to_owned(),
        DomainError::EndNotAfterStart => lang.t(T::ErrEndNotAfterStart).to_owned(),
        DomainError::ActivityTooLong { max_days } => lang.f(T::ErrActivityTooLong, &[max_days]),
        DomainError::CapacityOutOfRange { max } => lang.f(T::ErrCapacityRange, &[max]),
        DomainError::SignupClosesBeforeOpens => lang.t(T::ErrSignupClosesBeforeOpens).to_owned(),
        DomainError::SignupClosesAfterStart => lang.t(T::ErrSignupClosesAfterStart).to_owned(),
        DomainError::CancelDeadlineAfterStart => lang.t(T::ErrCancelDeadlineAfterStart).to_owned(),
        DomainError::RulePointsOutOfRange { max } => lang.f(T::ErrRulePointsRange, &[max]),
        DomainError::CapOutOfRange { max } => lang.f(T::ErrCapRange, &[max]),
        DomainError::MultiplierOutOfRange { max } => lang.f(
            T::ErrMultiplierRange,
            &[&crate::domain::Points(i64::from(*max))],
        ),
        DomainError::DuplicateRole(name) => lang.f(T::ErrDuplicateRole, &[name]),
        DomainError::PresenceOutOfRange => lang.t(T::ErrPresenceRange).to_owned(),
        DomainError::NoShowLimitOutOfRange { max } => lang.f(T::ErrNoShowLimitRange, &[max]),
        DomainError::ActivityCancelled => lang.t(T::ErrActivityCancelled).to_owned(),
        DomainError::CapacityBelowTaken { taken } => lang.f(T::ErrCapacityBelowTaken, &[taken]),
        DomainError::ActivityHasAttendance => lang.t(T::ErrActivityHasAttendance).to_owned(),
        DomainError::SignupNotOpen { opens } => lang.f(T::ErrSignupNotOpen, &[&date_time(*opens)]),
        DomainError::SignupClosed => lang.t(T::ErrSignupClosed).to_owned(),
        DomainError::ActivityEnded => lang.t(T::ErrActivityEnded).to_owned(),
        DomainError::ActivityFull => lang.t(T::ErrActivityFull).to_owned(),
        DomainError::TooManyNoShows { count, limit } => {
            lang.f(T::ErrTooManyNoShows, &[count, limit])
        }
        DomainError::AlreadySignedUp => lang.t(T::ErrAlreadySignedUp).to_owned(),
        DomainError::Collides { title, .. } => lang.f(T::ErrCollides, &[title]),
        DomainError::NotSignedUp => lang.t(T::ErrNotSignedUp).to_owned(),
        DomainError::CancelDeadlinePassed => lang.t(T::ErrCancelDeadlinePassed).to_owned(),
        DomainError::OnWaitlist => lang.t(T::ErrOnWaitlist).to_owned(),
        DomainError::UnknownRole(name) => lang.f(T::ErrUnknownRole, &[name]),
        DomainError::AlreadyCheckedIn => lang.t(T::ErrAlreadyCheckedIn).to_owned(),
        DomainError::NotCheckedIn => lang.t(T::ErrNotCheckedIn).to_owned(),
        DomainError::AlreadyCheckedOut => lang.t(T::ErrAlreadyCheckedOut).to_owned(),
        DomainError::NotCheckedOut => lang.t(T::ErrNotCheckedOut).to_owned(),
        DomainError::ActivityNotStarted => lang.t(T::ErrActivityNotStarted).to_owned(),
        DomainError::AlreadyNoShow => lang.t(T::ErrAlreadyNoShow).to_owned(),
        DomainError::WasNoShow => lang.t(T::ErrWasNoShow).to_owned(),
        DomainError::AlreadyConfirmed => lang.t(T::ErrAlreadyConfirmed).to_owned(),
        DomainError::NothingToConfirm => lang.t(T::ErrNothingToConfirm).to_owned(),
        DomainError::MinutesOutOfRange { max } => lang.f(T::ErrMinutesRange, &[max]),
        DomainError::UnknownUnit(_) => lang.t(T::ErrUnknownUnit).to_owned(),
        DomainError::DuplicateUnitName(name) => lang.f(T::ErrDuplicateUnitName, &[name]),
        DomainError::UnknownPerk(_) => lang.t(T::ErrUnknownPerk).to_owned(),
        DomainError::PerkCostOutOfRange { max } => lang.f(T::ErrPerkCostRange, &[max]),
        DomainError::StockOutOfRange { max } => lang.f(T::ErrStockRange, &[max]),
        DomainError::PerPersonOutOfRange { max } => lang.f(T::ErrPerPersonRange, &[max]),
        DomainError::ValidUntilNotAfterFrom => lang.t(T::ErrValidUntilNotAfterFrom).to_owned(),
        DomainError::MinServiceOutOfRange { max_hours } => {
            lang.f(T::ErrMinServiceRange, &[max_hours])
        }
        DomainError::StockBelowIssued { issued } => lang.f(T::ErrStockBelowIssued, &[issued]),
        DomainError::PerkWithdrawn => lang.t(T::ErrPerkWithdrawn).to_owned(),
        DomainError::PerkNotYetValid { from } => {
            lang.f(T::ErrPerkNotYetValid, &[&date_time(*from)])
        }
        DomainError::PerkEnded => lang.t(T::ErrPerkEnded).to_owned(),
        DomainError::OutOfStock => lang.t(T::ErrOutOfStock).to_owned(),
        DomainError::PerPersonLimit { limit } => lang.f(T::ErrPerPersonLimit, &[limit]),
        DomainError::NotEnoughService { minutes, needed } => lang.f(
            T::ErrNotEnoughService,
            &[
                &crate::ui::format::hours(*minutes),
                &crate::ui::format::hours(u64::from(*needed)),
            ],
        ),
        DomainError::UnknownVoucher(_) => lang.t(T::ErrUnknownVoucher).to_owned(),
        DomainError::InvalidVoucherCode(text) => lang.f(T::ErrInvalidVoucherCode, &[text]),
        DomainError::UnknownVoucherCode(code) => lang.f(T::ErrUnknownVoucherCode, &[code]),
        DomainError::VoucherAlreadyUsed { at } => {
            lang.f(T::ErrVoucherAlreadyUsed, &[&date_time(*at)])
        }
        DomainError::VoucherCancelled => lang.t(T::ErrVoucherCancelled).to_owned(),
        DomainError::VoucherExpired { at } => lang.f(T::ErrVoucherExpired, &[&date_time(*at)]),
        DomainError::RedemptionNotReversible => lang.t(T::ErrRedemptionNotReversible).to_owned(),
        DomainError::ExpiryDaysOutOfRange { max } => lang.f(T::ErrExpiryDaysRange, &[max]),
        DomainError::UnknownWish(_) => lang.t(T::ErrUnknownWish).to_owned(),
        DomainError::WishValueOverCap { cap_yuan } => lang.f(T::ErrWishValueOverCap, &[cap_yuan]),
        DomainError::WantedByPassed => lang.t(T::ErrWantedByPassed).to_owned(),
        DomainError::WantedByTooFar { max_days } => lang.f(T::ErrWantedByTooFar, &[max_days]),
        DomainError::ChildFullName { found } => lang.f(T::ErrChildFullName, &[found]),
        DomainError::ChildRealName { found } => lang.f(T::ErrChildRealName, &[found]),
        DomainError::ChildSchool { found } => lang.f(T::ErrChildSchool, &[found]),
        DomainError::ChildAddress { found } => lang.f(T::ErrChildAddress, &[found]),
        DomainError::PhoneInPublicText { found } => lang.f(T::ErrPhoneInPublicText, &[found]),
        DomainError::WishCapOutOfRange { max_yuan } => lang.f(T::ErrWishCapRange, &[max_yuan]),
        DomainError::ClaimDaysOutOfRange { max } => lang.f(T::ErrClaimDaysRange, &[max]),
        DomainError::WishPointsOutOfRange { max } => lang.f(T::ErrWishPointsRange, &[max]),
        DomainError::OpenClaimsLimitOutOfRange { max } => lang.f(T::ErrOpenClaimsRange, &[max]),
        DomainError::WishNotPending => lang.t(T::ErrWishNotPending).to_owned(),
        DomainError::WishNotPublished => lang.t(T::ErrWishNotPublished).to_owned(),
        DomainError::WishNotClaimed => lang.t(T::ErrWishNotClaimed).to_owned(),
        DomainError::WishInProgress => lang.t(T::ErrWishInProgress).to_owned(),
        DomainError::WishAlreadyFulfilled => lang.t(T::ErrWishAlreadyFulfilled).to_owned(),
        DomainError::WishAlreadyConfirmed => lang.t(T::ErrWishAlreadyConfirmed).to_owned(),
        DomainError::WishRejected => lang.t(T::ErrWishRejected).to_owned(),
        DomainError::WishCancelled => lang.t(T::ErrWishCancelled).to_owned(),
        DomainError::WishClosed => lang.t(T::ErrWishClosed).to_owned(),
        DomainError::WishNotFulfilled => lang.t(T::ErrWishNotFulfilled).to_owned(),
        DomainError::WishNotDue { wanted_by } => {
            lang.f(T::ErrWishNotDue, &[&date_time(*wanted_by)])
        }
        DomainError::ClaimedBySomeoneElse { .. } => lang.t(T::ErrClaimedBySomeoneElse).to_owned(),
        DomainError::AlreadyYourClaim => lang.t(T::ErrAlreadyYourClaim).to_owned(),
        DomainError::ClaimLapsed { due } => lang.f(T::ErrClaimLapsed, &[&date_time(*due)]),
        DomainError::TooManyOpenClaims { limit } => lang.f(T::ErrTooManyOpenClaims, &[limit]),
        DomainError::UnknownProject(_) => lang.t(T::ErrUnknownProject).to_owned(),
        DomainError::ProjectTooLong { max_days } => lang.f(T::ErrProjectTooLong, &[max_days]),
        DomainError::WithdrawDeadlineAfterEnd => lang.t(T::ErrWithdrawDeadlineAfterEnd).to_owned(),
        DomainError::SlotsOutOfRange { max } => lang.f(T::ErrSlotsRange, &[max]),
        DomainError::QuantityOutOfRange { max } => lang.f(T::ErrQuantityRange, &[max]),
        DomainError::DuplicateNeed(name) => lang.f(T::ErrDuplicateNeed, &[name]),
        DomainError::InvalidCoverColour(text) => lang.f(T::ErrCoverColour, &[text]),
        DomainError::InvalidCoverIcon(text) => lang.f(T::ErrCoverIcon, &[text]),
        DomainError::SlotsBelowTaken { role, taken } => {
            lang.f(T::ErrSlotsBelowTaken, &[role, taken])
        }
        DomainError::RoleInUse(name) => lang.f(T::ErrRoleInUse, &[name]),
        DomainError::NeedInUse(name) => lang.f(T::ErrNeedInUse, &[name]),
        DomainError::NothingToRecruit => lang.t(T::ErrNothingToRecruit).to_owned(),
        DomainError::CannotPublish { from } => status_error(lang, T::ErrCannotPublish, *from),
        DomainError::CannotStart { from } => status_error(lang, T::ErrCannotStart, *from),
        DomainError::CannotComplete { from } => status_error(lang, T::ErrCannotComplete, *from),
        DomainError::CannotArchive { from } => status_error(lang, T::ErrCannotArchive, *from),
        DomainError::CannotCancel { from } => status_error(lang, T::ErrCannotCancel, *from),
        DomainError::ProjectLocked { status } => status_error(lang, T::ErrProjectLocked, *status),
        DomainError::NotRecruiting { status } => status_error(lang, T::ErrNotRecruiting, *status),
        DomainError::ProjectNotActive { status } => {
            status_error(lang, T::ErrProjectNotActive, *status)
        }
        DomainError::UpdatesClosed { status } => status_error(lang, T::ErrUpdatesClosed, *status),
        DomainError::UnknownProjectRole(name) => lang.f(T::ErrUnknownProjectRole, &[name]),
        DomainError::UnknownNeed(name) => lang.f(T::ErrUnknownNeed, &[name]),
        DomainError::RoleFull => lang.t(T::ErrRoleFull).to_owned(),
        DomainError::MissingSkill(skill) => lang.f(T::ErrMissingSkill, &[skill]),
        DomainError::AlreadyJoined => lang.t(T::ErrAlreadyJoined).to_owned(),
        DomainError::RemovedFromRole => lang.t(T::ErrRemovedFromRole).to_owned(),
        DomainError::NotJoined => lang.t(T::ErrNotJoined).to_owned(),
        DomainError::NotPending => lang.t(T::ErrNotPending).to_owned(),
        DomainError::WithdrawDeadlinePassed => lang.t(T::ErrWithdrawDeadlinePassed).to_owned(),
        DomainError::AlreadyPledged => lang.t(T::ErrAlreadyPledged).to_owned(),
        DomainError::NotPledged => lang.t(T::ErrNotPledged).to_owned(),
        DomainError::PledgeOutOfRange { max } => lang.f(T::ErrPledgeRange, &[max]),
        DomainError::PledgeExceedsNeed { remaining } => {
            lang.f(T::ErrPledgeExceedsNeed, &[remaining])
        }
        DomainError::NeedMet => lang.t(T::ErrNeedMet).to_owned(),
        DomainError::NotCompleted { status } => status_error(lang, T::ErrNotCompleted, *status),
        DomainError::NoParticipantsChosen => lang.t(T::ErrNoParticipantsChosen).to_owned(),
        DomainError::DuplicateParticipant => lang.t(T::ErrDuplicateParticipant).to_owned(),
        DomainError::NotAParticipant => lang.t(T::ErrNotAParticipant).to_owned(),
        DomainError::ParticipationAlreadyConfirmed => {
            lang.t(T::ErrParticipationAlreadyConfirmed).to_owned()
        }
    }
}

/// A project's status in words, as it reads inside a sentence (招募中, recruiting).
pub fn project_status_text(status: crate::domain::ProjectStatus) -> T {
    use crate::domain::ProjectStatus as S;
    match status {
        S::Draft => T::ProjectStatusDraft,
        S::Recruiting => T::ProjectStatusRecruiting,
        S::InProgress => T::ProjectStatusInProgress,
        S::Completed => T::ProjectStatusCompleted,
        S::Archived => T::ProjectStatusArchived,
        S::Cancelled => T::ProjectStatusCancelled,
    }
}

/// A refusal that names the project's status.
fn status_error(lang: Lang, key: T, status: crate::domain::ProjectStatus) -> String {
    lang.f(key, &[&lang.t(project_status_text(status))])
}

pub fn store_error_text(lang: Lang, error: &StoreError) -> String {
    match error {
        StoreError::QuotaExceeded => lang.t(T::ErrQuota).to_owned(),
        StoreError::Unavailable(why) => lang.f(T::ErrUnavailable, &[why]),
        StoreError::ReadOnly(_) => lang.t(T::ErrReadOnly).to_owned(),
        StoreError::Failed(why) => lang.f(T::ErrStorage, &[why]),
    }
}

pub fn backup_error_text(lang: Lang, error: &BackupError) -> String {
    match error {
        BackupError::NotJson(why) => lang.f(T::NotJson, &[why]),
        BackupError::NotABackup => lang.t(T::NotABackup).to_owned(),
        BackupError::NewerVersion(v) => lang.f(T::NewerBackup, &[v]),
    }
}
