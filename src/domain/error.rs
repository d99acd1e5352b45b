//! Why the domain refuses an action. Every refusal has its own variant so the app can
//! say exactly why, in the user's language (see `ui::i18n`).

use super::id::{
    ActivityId, EntryId, Participant, PerkId, ProjectId, Timestamp, UnitId, VolunteerId, VoucherId,
    WishId,
};
use super::ledger::Points;
use super::project::status::ProjectStatus;

/// A form field, named so a refusal can point at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Phone,
    Number,
    Grid,
    Building,
    Skills,
    Reason,
    Points,
    Title,
    Category,
    Place,
    Details,
    Role,
    /// A unit's name (单位名称).
    UnitName,
    /// A unit's contact person (联系人).
    Contact,
    Address,
    /// A perk's title (礼遇名称).
    PerkTitle,
    /// A perk's description (礼遇说明).
    Description,
    /// A project's title (项目名称).
    ProjectTitle,
    /// A project's description (项目简介).
    ProjectDescription,
    /// Where a project takes place (项目地点).
    ProjectPlace,
    /// A project's category (项目类别).
    ProjectCategory,
    /// A project's resource need (资源需求).
    Need,
    /// The counting word of a need (计量单位), such as 箱.
    NeedUnit,
    /// A progress update's text (进展内容).
    UpdateText,
    /// A wish's public alias for the resident (称呼).
    Alias,
    /// A wish's note for organizers only (内部备注).
    PrivateNote,
    /// A wish's title (心愿内容).
    WishTitle,
    /// A wish's description (心愿说明).
    WishDescription,
    /// The thank-you note at confirmation (感谢留言).
    ThankYou,
    /// A community's name (社区名称).
    CommunityName,
    /// What an organizer calls a device (设备名称).
    DeviceLabel,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("{0:?} is required")]
    Required(Field),
    #[error("{field:?} is longer than {max} characters")]
    TooLong { field: Field, max: usize },
    #[error("{field:?} has more than {max} items")]
    TooMany { field: Field, max: usize },
    #[error("not a phone number")]
    InvalidPhone,
    #[error("volunteer number {0} is already taken")]
    DuplicateNumber(String),
    #[error("no volunteer {0}")]
    UnknownVolunteer(VolunteerId),
    #[error("no ledger entry {0}")]
    UnknownEntry(EntryId),
    #[error("points must be more than 0 and at most {max}")]
    PointsOutOfRange { max: Points },
    #[error("balance {balance} is less than {needed}")]
    InsufficientPoints { balance: Points, needed: Points },
    #[error("entry {0} was already reversed")]
    AlreadyReversed(EntryId),
    #[error("a reversal cannot itself be reversed")]
    CannotReverseReversal,

    // Activities: the plan.
    #[error("no activity {0}")]
    UnknownActivity(ActivityId),
    #[error("the end must be after the start")]
    EndNotAfterStart,
    #[error("an activity lasts at most {max_days} days")]
    ActivityTooLong { max_days: u32 },
    #[error("capacity must be at least 1 and at most {max}")]
    CapacityOutOfRange { max: u32 },
    #[error("sign-up must close after it opens")]
    SignupClosesBeforeOpens,
    #[error("sign-up must close no later than the start")]
    SignupClosesAfterStart,
    #[error("the cancel deadline must be no later than the start")]
    CancelDeadlineAfterStart,
    #[error("points of the rule must be at least 0 and at most {max}")]
    RulePointsOutOfRange { max: Points },
    #[error("the points cap must be at least 1 minute and at most {max}")]
    CapOutOfRange { max: u32 },
    #[error("a role multiplier must be more than 0 and at most {max} hundredths")]
    MultiplierOutOfRange { max: u32 },
    #[error("role {0} is listed twice")]
    DuplicateRole(String),
    #[error("the presence share must be 1% to 100%")]
    PresenceOutOfRange,
    #[error("the no-show limit must be at least 1 and at most {max}")]
    NoShowLimitOutOfRange { max: u32 },
    #[error("the activity was cancelled")]
    ActivityCancelled,
    #[error("{taken} seats are taken: capacity cannot be less")]
    CapacityBelowTaken { taken: u32 },
    #[error("volunteers were already checked in or marked absent")]
    ActivityHasAttendance,

    // Activities: sign-up.
    #[error("sign-up opens at {opens:?}")]
    SignupNotOpen { opens: Timestamp },
    #[error("sign-up has closed")]
    SignupClosed,
    #[error("the activity has ended")]
    ActivityEnded,
    #[error("the activity is full: join the waitlist instead")]
    ActivityFull,
    #[error("{count} no-shows reach the limit of {limit}")]
    TooManyNoShows { count: u32, limit: u32 },
    #[error("already signed up")]
    AlreadySignedUp,
    #[error("collides with the sign-up for {title}")]
    Collides { with: ActivityId, title: String },
    #[error("not signed up")]
    NotSignedUp,
    #[error("the cancel deadline has passed")]
    CancelDeadlinePassed,
    #[error("on the waitlist, without a seat")]
    OnWaitlist,
    #[error("the activity has no role {0}")]
    UnknownRole(String),

    // Activities: attendance and confirmation.
    #[error("already checked in")]
    AlreadyCheckedIn,
    #[error("not checked in")]
    NotCheckedIn,
    #[error("already checked out")]
    AlreadyCheckedOut,
    #[error("not checked out")]
    NotCheckedOut,
    #[error("the activity has not started")]
    ActivityNotStarted,
    #[error("already marked as a no-show")]
    AlreadyNoShow,
    #[error("marked as a no-show")]
    WasNoShow,
    #[error("service already confirmed")]
    AlreadyConfirmed,
    #[error("nobody checked out is waiting for confirmation")]
    NothingToConfirm,
    #[error("minutes must be at most {max}, the activity's length")]
    MinutesOutOfRange { max: u32 },

    // Units.
    #[error("no unit {0}")]
    UnknownUnit(UnitId),
    #[error("a unit named {0} is already registered")]
    DuplicateUnitName(String),

    // Perks: the offer.
    #[error("no perk {0}")]
    UnknownPerk(PerkId),
    #[error("a perk costs more than 0 and at most {max} points")]
    PerkCostOutOfRange { max: Points },
    #[error("stock must be at least 1 and at most {max}")]
    StockOutOfRange { max: u32 },
    #[error("the per-person limit must be at least 1 and at most {max}")]
    PerPersonOutOfRange { max: u32 },
    #[error("a perk must be valid until after it becomes valid")]
    ValidUntilNotAfterFrom,
    #[error("the service needed must be at most {max_hours} hours")]
    MinServiceOutOfRange { max_hours: u32 },
    #[error("{issued} vouchers were issued: stock cannot be less")]
    StockBelowIssued { issued: u32 },
    #[error("the perk was withdrawn")]
    PerkWithdrawn,

    // Perks: redemption.
    #[error("the perk can be redeemed from {from:?}")]
    PerkNotYetValid { from: Timestamp },
    #[error("the perk is no longer valid")]
    PerkEnded,
    #[error("the perk is out of stock")]
    OutOfStock,
    #[error("at most {limit} per person")]
    PerPersonLimit { limit: u32 },
    #[error("{minutes} minutes of confirmed service; the perk needs {needed}")]
    NotEnoughService { minutes: u64, needed: u32 },

    // Vouchers.
    #[error("no voucher {0}")]
    UnknownVoucher(VoucherId),
    #[error("“{0}” is not a voucher code")]
    InvalidVoucherCode(String),
    #[error("no voucher has the code {0}")]
    UnknownVoucherCode(String),
    #[error("the voucher was already used at {at:?}")]
    VoucherAlreadyUsed { at: Timestamp },
    #[error("the voucher was cancelled")]
    VoucherCancelled,
    #[error("the voucher expired at {at:?}")]
    VoucherExpired { at: Timestamp },
    #[error("redemptions and refunds change only by cancelling their voucher")]
    RedemptionNotReversible,

    // Points policy.
    #[error("points expire after at least 1 and at most {max} days")]
    ExpiryDaysOutOfRange { max: u32 },

    // Projects: the plan.
    #[error("no project {0}")]
    UnknownProject(ProjectId),
    #[error("a project lasts at most {max_days} days")]
    ProjectTooLong { max_days: u32 },
    #[error("the withdraw deadline must be no later than the end")]
    WithdrawDeadlineAfterEnd,
    #[error("slots must be at least 1 and at most {max}")]
    SlotsOutOfRange { max: u32 },
    #[error("a quantity must be at least 1 and at most {max}")]
    QuantityOutOfRange { max: u64 },
    #[error("need {0} is listed twice")]
    DuplicateNeed(String),
    #[error("“{0}” is not a colour of the form #rrggbb")]
    InvalidCoverColour(String),
    #[error("“{0}” is not an icon name (lowercase letters, digits, hyphens)")]
    InvalidCoverIcon(String),
    #[error("{taken} people hold slots of role {role}: slots cannot be fewer")]
    SlotsBelowTaken { role: String, taken: u32 },
    #[error("role {0} has sign-ups: it cannot be removed or renamed")]
    RoleInUse(String),
    #[error("need {0} has pledges: it cannot be removed or change its unit")]
    NeedInUse(String),

    // Projects: the lifecycle.
    #[error("a project needs a role or a need before it is published")]
    NothingToRecruit,
    #[error("only a draft can be published; the project is {from:?}")]
    CannotPublish { from: ProjectStatus },
    #[error("only a recruiting project can start; the project is {from:?}")]
    CannotStart { from: ProjectStatus },
    #[error("only a project in progress can be completed; the project is {from:?}")]
    CannotComplete { from: ProjectStatus },
    #[error("only a completed project can be archived; the project is {from:?}")]
    CannotArchive { from: ProjectStatus },
    #[error("a {from:?} project cannot be cancelled")]
    CannotCancel { from: ProjectStatus },
    #[error("a {status:?} project cannot be changed")]
    ProjectLocked { status: ProjectStatus },
    #[error("the project is {status:?}, not recruiting")]
    NotRecruiting { status: ProjectStatus },
    #[error("the project is {status:?}: its sign-ups and pledges cannot change")]
    ProjectNotActive { status: ProjectStatus },
    #[error("the project is {status:?}: no progress updates")]
    UpdatesClosed { status: ProjectStatus },

    // Projects: sign-ups and pledges.
    #[error("the project has no role {0}")]
    UnknownProjectRole(String),
    #[error("the project has no need {0}")]
    UnknownNeed(String),
    #[error("the role is full: join the waitlist instead")]
    RoleFull,
    #[error("the role needs the skill {0}")]
    MissingSkill(String),
    #[error("already joined")]
    AlreadyJoined,
    #[error("removed from this role by the organizer")]
    RemovedFromRole,
    #[error("not signed up for this role")]
    NotJoined,
    #[error("not a request awaiting approval")]
    NotPending,
    #[error("the withdraw deadline has passed")]
    WithdrawDeadlinePassed,
    #[error("already pledged to this need")]
    AlreadyPledged,
    #[error("no pledge to this need")]
    NotPledged,
    #[error("a pledge must be at least 1 and at most the need, {max}")]
    PledgeOutOfRange { max: u64 },
    #[error("only {remaining} is still needed")]
    PledgeExceedsNeed { remaining: u64 },
    #[error("the need is fully pledged")]
    NeedMet,

    // Projects: progress and completion.
    #[error("the project is {status:?}: confirm after it is completed")]
    NotCompleted { status: ProjectStatus },
    #[error("choose who took part")]
    NoParticipantsChosen,
    #[error("a participant is listed twice")]
    DuplicateParticipant,
    #[error("did not take part: no slot and no pledge")]
    NotAParticipant,
    #[error("taking part was already confirmed")]
    ParticipationAlreadyConfirmed,

    // Micro-wishes: the plan and the policy.
    #[error("no wish {0}")]
    UnknownWish(WishId),
    #[error("the estimated value is over the cap of {cap_yuan} yuan")]
    WishValueOverCap { cap_yuan: u32 },
    #[error("the wanted-by date has passed")]
    WantedByPassed,
    #[error("the wanted-by date is more than {max_days} days ahead")]
    WantedByTooFar { max_days: u32 },
    #[error("a child's wish may not show a full name: {found}")]
    ChildFullName { found: String },
    #[error("a child's wish may not show the child's real name: {found}")]
    ChildRealName { found: String },
    #[error("a child's wish may not show a school: {found}")]
    ChildSchool { found: String },
    #[error("a child's wish may not show an exact address: {found}")]
    ChildAddress { found: String },
    #[error("a wish may not show a phone number: {found}")]
    PhoneInPublicText { found: String },
    #[error("the value cap must be at least 1 and at most {max_yuan} yuan")]
    WishCapOutOfRange { max_yuan: u32 },
    #[error("a claim holds for at least 1 and at most {max} days")]
    ClaimDaysOutOfRange { max: u32 },
    #[error("a wish's points must be at least 0 and at most {max}")]
    WishPointsOutOfRange { max: Points },
    #[error("the open claims per volunteer must be at least 1 and at most {max}")]
    OpenClaimsLimitOutOfRange { max: u32 },

    // Micro-wishes: the lifecycle.
    #[error("only a wish awaiting review can be published or rejected")]
    WishNotPending,
    #[error("the wish awaits review")]
    WishNotPublished,
    #[error("nobody has claimed the wish")]
    WishNotClaimed,
    #[error("the wish is claimed and being fulfilled")]
    WishInProgress,
    #[error("the wish was already fulfilled")]
    WishAlreadyFulfilled,
    #[error("the wish was already confirmed")]
    WishAlreadyConfirmed,
    #[error("the wish was rejected")]
    WishRejected,
    #[error("the wish was cancelled")]
    WishCancelled,
    #[error("the wish was closed")]
    WishClosed,
    #[error("the wish is not fulfilled yet")]
    WishNotFulfilled,
    #[error("the wish's wanted-by date {wanted_by:?} has not come yet")]
    WishNotDue { wanted_by: Timestamp },

    // Micro-wishes: claims.
    #[error("claimed by someone else ({by:?})")]
    ClaimedBySomeoneElse { by: Participant },
    #[error("you already claimed this wish")]
    AlreadyYourClaim,
    #[error("the claim lapsed at {due:?}: claim the wish again")]
    ClaimLapsed { due: Timestamp },
    #[error("at most {limit} open claims per volunteer")]
    TooManyOpenClaims { limit: u32 },
}
