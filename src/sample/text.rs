//! Words of a Chinese street (街道) for the sample data: names, phone numbers, places,
//! skills, and the short texts organizers type (reasons, titles, notes). Every text is
//! within the domain's length limits, and the public texts of wishes pass the privacy
//! check (no full names, schools, exact addresses or phone numbers).

use super::rng::Rng;

/// Surnames by how common they are: the first ones are drawn most.
const SURNAMES: [&str; 60] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任",
    "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "欧阳",
];

const GIVEN: [&str; 72] = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "霞", "平", "刚", "华", "建", "国", "秀", "英", "兰", "玉", "桂", "淑", "珍", "凤", "梅",
    "红", "燕", "婷", "雪", "慧", "宇", "浩", "鑫", "子", "涵", "欣", "怡", "佳", "思", "雨", "博",
    "晨", "凯", "鹏", "飞", "斌", "波", "辉", "琳", "颖", "倩", "丹", "萍", "春", "荣", "德", "成",
    "福", "生", "永", "庆", "瑞", "新", "晓", "东",
];

/// A full name of two or three characters (some with a compound surname).
pub fn person(rng: &mut Rng) -> String {
    // Squaring a uniform number favours the common surnames.
    let u = rng.below(1 << 16);
    let i = usize::try_from((u * u * SURNAMES.len() as u64) >> 32).unwrap_or(0);
    let mut name = SURNAMES[i.min(SURNAMES.len() - 1)].to_owned();
    let given = if rng.percent(70) { 2 } else { 1 };
    for _ in 0..given {
        name.push_str(GIVEN[rng.index(GIVEN.len())]);
    }
    name
}

/// A surname alone, for 王奶奶 or 李师傅.
pub fn surname(rng: &mut Rng) -> &'static str {
    SURNAMES[rng.index(20)]
}

const MOBILE_PREFIXES: [u32; 24] = [
    130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 155, 156, 157, 158, 159, 177, 180,
    181, 186, 187, 189, 199,
];

/// A mainland mobile number (11 digits).
pub fn mobile(rng: &mut Rng) -> String {
    let prefix = MOBILE_PREFIXES[rng.index(MOBILE_PREFIXES.len())];
    format!("{prefix}{:08}", rng.below(100_000_000))
}

/// A Xi'an landline with its area code, for units.
pub fn landline(rng: &mut Rng) -> String {
    format!("029-8{:07}", rng.below(10_000_000))
}

/// The street's communities (社区): a street has about eight.
pub const COMMUNITIES: [&str; 8] = [
    "东城", "西关", "南街", "北苑", "华清", "骊山", "渭水", "新丰",
];

const ESTATES: [&str; 24] = [
    "幸福家园",
    "阳光花园",
    "锦绣华庭",
    "翠苑小区",
    "金色家园",
    "和平里",
    "书香苑",
    "龙湖名邸",
    "碧水湾",
    "银杏园",
    "铁路小区",
    "电厂家属院",
    "建设小区",
    "百合苑",
    "华清园",
    "骊山花园",
    "东方佳苑",
    "御景湾",
    "文化巷小区",
    "新华里",
    "绿地世纪城",
    "秦汉小区",
    "人民路小区",
    "教师公寓",
];

const ROADS: [&str; 12] = [
    "人民路",
    "华清路",
    "骊山大道",
    "东风街",
    "文化路",
    "建设路",
    "秦陵北路",
    "渭河路",
    "东大街",
    "西泉路",
    "环城东路",
    "芷阳路",
];

/// A place in the street: its community, grid and building.
#[derive(Clone, Debug)]
pub struct Home {
    pub community: &'static str,
    pub grid: String,
    pub estate: &'static str,
    pub building: String,
}

/// Where someone lives: one of the communities' grids and an estate's building.
pub fn home(rng: &mut Rng) -> Home {
    let c = rng.index(COMMUNITIES.len());
    // Each community has its own three estates, and four grids.
    let estate = ESTATES[c * 3 + rng.index(3)];
    Home {
        community: COMMUNITIES[c],
        grid: format!("{}社区第{}网格", COMMUNITIES[c], rng.between(1, 4)),
        estate,
        building: format!("{estate}{}号楼", rng.between(1, 18)),
    }
}

/// A street address (a unit's), such as 华清路128号.
pub fn address(rng: &mut Rng) -> String {
    format!("{}{}号", ROADS[rng.index(ROADS.len())], rng.between(1, 300))
}

/// A flat, for the organizer-only note of a wish: 2单元301室.
pub fn flat(rng: &mut Rng) -> String {
    format!(
        "{}单元{}0{}室",
        rng.between(1, 4),
        rng.between(1, 18),
        rng.between(1, 4)
    )
}

pub const SKILLS: [&str; 24] = [
    "电工",
    "水管维修",
    "家电维修",
    "急救",
    "心理疏导",
    "书法",
    "摄影",
    "驾驶",
    "法律咨询",
    "理发",
    "烹饪",
    "英语辅导",
    "数学辅导",
    "手机教学",
    "医疗护理",
    "垃圾分类指导",
    "文艺表演",
    "剪纸",
    "太极拳",
    "计算机",
    "手语",
    "木工",
    "园艺",
    "缝纫",
];

/// Up to `most` different skills.
pub fn skills(rng: &mut Rng, most: u64) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    for _ in 0..rng.below(most + 1) {
        let skill = SKILLS[rng.index(SKILLS.len())];
        if !chosen.iter().any(|s| s == skill) {
            chosen.push(skill.to_owned());
        }
    }
    chosen
}

pub const AWARD_REASONS: [&str; 24] = [
    "协助楼道清理",
    "参与夜间治安巡逻",
    "垃圾分类桶边督导",
    "为独居老人送餐",
    "协助防汛值守",
    "参与文明城市创建检查",
    "义务理发服务",
    "推荐新志愿者加入",
    "帮助邻居搬运物资",
    "社区议事会建言献策",
    "协助疫苗接种点秩序维护",
    "清理小广告",
    "参与消防安全宣传",
    "协助组织老年人体检",
    "照看社区图书角",
    "劝导电动车规范停放",
    "帮扶困难家庭",
    "参与河道巡查",
    "协助人口普查入户",
    "慰问退役军人",
    "调解邻里纠纷",
    "义务维修家电",
    "陪伴留守儿童学习",
    "冬季扫雪除冰",
];

pub const DEDUCT_REASONS: [&str; 4] = [
    "活动中途离岗未说明",
    "重复登记积分扣回",
    "违反志愿服务守则",
    "核查后不符合加分条件",
];

pub const REVERSE_REASONS: [&str; 4] = ["录入错误", "重复录入", "对象选错", "分值填错"];

pub const UNIT_REASONS: [&str; 4] = [
    "双报到月度服务考核",
    "共建活动提供场地",
    "组织党员进社区服务",
    "捐赠防疫物资",
];

/// An activity theme: title, category, and a line of details.
pub struct Theme {
    pub title: &'static str,
    pub category: &'static str,
    pub details: &'static str,
}

pub const THEMES: [Theme; 16] = [
    Theme {
        title: "周末环境整治",
        category: "环境保护",
        details: "清理绿化带垃圾和楼道杂物，请穿运动鞋，手套和垃圾袋由社区提供。",
    },
    Theme {
        title: "垃圾分类宣传",
        category: "环境保护",
        details: "在小区门口摆点讲解四分类，发放宣传册，指导居民正确投放。",
    },
    Theme {
        title: "关爱独居老人走访",
        category: "助老助残",
        details: "两人一组入户走访独居老人，了解生活需要，检查燃气和用电安全。",
    },
    Theme {
        title: "防诈骗知识讲座",
        category: "平安建设",
        details: "协助派出所民警开展讲座，负责签到、引导座位和发放资料。",
    },
    Theme {
        title: "义诊进社区",
        category: "卫生健康",
        details: "配合社区卫生服务中心测血压、测血糖，维持排队秩序。",
    },
    Theme {
        title: "助老理发",
        category: "助老助残",
        details: "为行动不便的老人上门或在活动室理发，请自带工具。",
    },
    Theme {
        title: "文明交通劝导",
        category: "文明实践",
        details: "早高峰在路口劝导行人和电动车遵守信号灯，请穿志愿者马甲。",
    },
    Theme {
        title: "消防安全演练",
        category: "平安建设",
        details: "协助物业组织楼栋疏散演练，讲解灭火器使用方法。",
    },
    Theme {
        title: "社区图书角整理",
        category: "文化活动",
        details: "整理捐赠图书，登记编号，上架分类。",
    },
    Theme {
        title: "重阳节敬老活动",
        category: "助老助残",
        details: "为社区老人表演节目、包饺子，陪老人聊天。",
    },
    Theme {
        title: "中秋游园会",
        category: "文化活动",
        details: "布置灯谜和游戏摊位，引导居民参与，活动结束后清场。",
    },
    Theme {
        title: "春节写春联送福",
        category: "文化活动",
        details: "书法志愿者现场写春联，其他志愿者负责裁纸和发放。",
    },
    Theme {
        title: "植树护绿",
        category: "环境保护",
        details: "在口袋公园补种树苗，浇水培土，请穿耐脏衣物。",
    },
    Theme {
        title: "河道清理",
        category: "环境保护",
        details: "沿渭河支流步道捡拾垃圾，注意安全，不要下水。",
    },
    Theme {
        title: "暑期儿童托管",
        category: "教育辅导",
        details: "陪伴双职工家庭的孩子写作业、读绘本、做手工。",
    },
    Theme {
        title: "爱心献血",
        category: "卫生健康",
        details: "在献血车旁引导登记，为献血者发放饮用水和纪念品。",
    },
];

pub const ACTIVITY_PLACES: [&str; 6] = [
    "社区党群服务中心",
    "社区活动室",
    "小区中心广场",
    "街道文化广场",
    "新时代文明实践站",
    "社区卫生服务站",
];

pub const CANCEL_REASONS: [&str; 3] = ["天气原因延期", "场地临时占用", "上级通知暂停集中活动"];

/// A perk of the points shop: title, description, cost in whole points.
pub struct PerkKind {
    pub title: &'static str,
    pub description: &'static str,
    pub cost: i64,
}

pub const PERKS: [PerkKind; 12] = [
    PerkKind {
        title: "免费理发一次",
        description: "凭券到店理发一次，洗剪吹。",
        cost: 20,
    },
    PerkKind {
        title: "超市十元代金券",
        description: "满三十元可用，不找零。",
        cost: 10,
    },
    PerkKind {
        title: "体检套餐八折",
        description: "社区卫生服务中心基础体检套餐。",
        cost: 50,
    },
    PerkKind {
        title: "电影票一张",
        description: "周一至周四可用，限二维厅。",
        cost: 40,
    },
    PerkKind {
        title: "鲜花一束",
        description: "节日前三天预约。",
        cost: 30,
    },
    PerkKind {
        title: "洗车一次",
        description: "普通轿车外观清洗。",
        cost: 25,
    },
    PerkKind {
        title: "早餐券",
        description: "包子两个加豆浆一杯。",
        cost: 5,
    },
    PerkKind {
        title: "图书一本",
        description: "在社区书店任选定价四十元以内图书。",
        cost: 35,
    },
    PerkKind {
        title: "家电清洗一次",
        description: "空调或油烟机任选一台。",
        cost: 80,
    },
    PerkKind {
        title: "眼镜验光配镜九折",
        description: "含免费验光。",
        cost: 15,
    },
    PerkKind {
        title: "粮油礼包",
        description: "五斤大米加一桶食用油。",
        cost: 100,
    },
    PerkKind {
        title: "公园年票",
        description: "本年度有效，本人使用。",
        cost: 120,
    },
];

/// A co-construction project theme: title, category, description.
pub struct ProjectKind {
    pub title: &'static str,
    pub category: &'static str,
    pub description: &'static str,
    pub icon: &'static str,
}

pub const PROJECTS: [ProjectKind; 10] = [
    ProjectKind {
        title: "老旧小区加装电梯协调",
        category: "环境改造",
        description: "收集住户意见，协调低层住户，配合施工单位公示方案。",
        icon: "elevator",
    },
    ProjectKind {
        title: "楼道微改造",
        category: "环境改造",
        description: "粉刷楼道墙面，更换声控灯，清理堆放杂物。",
        icon: "paint-roller",
    },
    ProjectKind {
        title: "口袋公园共建",
        category: "环境改造",
        description: "把闲置空地改成小公园，需要设计、施工协助和绿植认捐。",
        icon: "tree",
    },
    ProjectKind {
        title: "社区长者食堂",
        category: "为老服务",
        description: "为七十岁以上老人提供午餐，需要场地、厨具和送餐志愿者。",
        icon: "bowl",
    },
    ProjectKind {
        title: "儿童友好空间",
        category: "儿童关爱",
        description: "改造活动室，配置绘本和玩具，周末安排志愿者值守。",
        icon: "child",
    },
    ProjectKind {
        title: "便民维修服务站",
        category: "便民服务",
        description: "每月两次集中为居民维修小家电、自行车和雨伞。",
        icon: "wrench",
    },
    ProjectKind {
        title: "爱心冰箱",
        category: "便民服务",
        description: "在社区门口放置共享冰箱，商户捐赠临期食品，志愿者每日检查。",
        icon: "fridge",
    },
    ProjectKind {
        title: "社区书屋",
        category: "文化建设",
        description: "募集图书和书架，安排志愿者轮值借还。",
        icon: "book",
    },
    ProjectKind {
        title: "非机动车充电棚",
        category: "便民服务",
        description: "选址、征求意见，协调供电和施工，消除飞线充电隐患。",
        icon: "bolt",
    },
    ProjectKind {
        title: "红色文化墙",
        category: "文化建设",
        description: "绘制社区党建和历史文化墙，需要设计和绘画志愿者。",
        icon: "flag",
    },
];

pub const PROJECT_UPDATES: [&str; 6] = [
    "方案已完成居民意见征集，准备开工。",
    "材料已到位，本周末集中施工。",
    "施工过半，感谢各共建单位支持。",
    "已完成验收，下周举行启用仪式。",
    "志愿者排班表已发布，请按时到岗。",
    "认捐物资已全部清点入库。",
];

/// A micro-wish theme: title, category, description, a skill it needs, and its value.
pub struct WishKind {
    pub title: &'static str,
    pub category: u8,
    pub description: &'static str,
    pub skill: Option<&'static str>,
    pub value_yuan: u32,
}

/// Categories: 0 goods, 1 service, 2 company, 3 learning.
pub const WISHES: [WishKind; 14] = [
    WishKind {
        title: "一个新书包",
        category: 0,
        description: "旧书包的带子断了，想要一个结实的双肩包。",
        skill: None,
        value_yuan: 120,
    },
    WishKind {
        title: "一件厚羽绒服",
        category: 0,
        description: "冬天快到了，希望有一件暖和的外套。",
        skill: None,
        value_yuan: 300,
    },
    WishKind {
        title: "一套学习用品",
        category: 0,
        description: "需要文具盒、本子和一盏护眼台灯。",
        skill: None,
        value_yuan: 150,
    },
    WishKind {
        title: "一台电风扇",
        category: 0,
        description: "家里的风扇坏了，夏天太热。",
        skill: None,
        value_yuan: 200,
    },
    WishKind {
        title: "一副老花镜",
        category: 0,
        description: "看报纸看不清字了。",
        skill: None,
        value_yuan: 80,
    },
    WishKind {
        title: "一双棉鞋",
        category: 0,
        description: "想要一双防滑的棉鞋，冬天出门方便。",
        skill: None,
        value_yuan: 100,
    },
    WishKind {
        title: "修理收音机",
        category: 1,
        description: "用了二十年的收音机没声音了，舍不得扔。",
        skill: Some("家电维修"),
        value_yuan: 0,
    },
    WishKind {
        title: "上门理发一次",
        category: 1,
        description: "腿脚不便，出不了门。",
        skill: Some("理发"),
        value_yuan: 0,
    },
    WishKind {
        title: "更换厨房水龙头",
        category: 1,
        description: "水龙头一直滴水。",
        skill: Some("水管维修"),
        value_yuan: 60,
    },
    WishKind {
        title: "陪我下象棋",
        category: 2,
        description: "每周想找人下两盘棋，聊聊天。",
        skill: None,
        value_yuan: 0,
    },
    WishKind {
        title: "陪我去公园走走",
        category: 2,
        description: "天气好的时候想出去晒晒太阳。",
        skill: None,
        value_yuan: 0,
    },
    WishKind {
        title: "教我用智能手机",
        category: 3,
        description: "想学会视频通话和扫码付款。",
        skill: Some("手机教学"),
        value_yuan: 0,
    },
    WishKind {
        title: "辅导数学作业",
        category: 3,
        description: "每周两次，帮忙讲讲不会的题。",
        skill: Some("数学辅导"),
        value_yuan: 0,
    },
    WishKind {
        title: "学写毛笔字",
        category: 3,
        description: "退休后想练练书法，找个老师指点。",
        skill: Some("书法"),
        value_yuan: 0,
    },
];

pub const THANKS: [&str; 6] = [
    "谢谢志愿者，太感谢了！",
    "东西收到了，非常喜欢。",
    "谢谢你们常来看我。",
    "修好了，又能听戏了。",
    "孩子很开心，谢谢社区。",
    "",
];

/// Children's nicknames for a de-identified alias (小雨, never a full name).
pub const NICKNAMES: [&str; 10] = ["雨", "乐", "萌", "宝", "贝", "果", "豆", "朵", "阳", "星"];

const AGENCIES: [&str; 20] = [
    "人民医院",
    "税务局",
    "市场监督管理局",
    "住房和城乡建设局",
    "教育局",
    "人力资源和社会保障局",
    "文化和旅游局",
    "交通运输局",
    "自然资源局",
    "生态环境分局",
    "人民法院",
    "人民检察院",
    "供电分公司",
    "自来水公司",
    "邮政分公司",
    "农商银行支行",
    "建设银行支行",
    "疾病预防控制中心",
    "图书馆",
    "中医医院",
];

const COMPANY_NAMES: [&str; 20] = [
    "华盛", "恒通", "中和", "宏达", "金桥", "启航", "瑞丰", "永兴", "博远", "天成", "鼎新", "安泰",
    "万象", "同创", "汇丰", "祥和", "众诚", "德信", "嘉禾", "兴业",
];

const TRADES: [&str; 10] = [
    "建筑工程有限公司",
    "物业服务有限公司",
    "电子科技有限公司",
    "餐饮管理有限公司",
    "物流有限公司",
    "医药有限公司",
    "文化传媒有限公司",
    "商贸有限公司",
    "环保科技有限公司",
    "教育咨询有限公司",
];

const SHOP_NAMES: [&str; 20] = [
    "惠民",
    "家家乐",
    "好邻居",
    "老王",
    "阿香",
    "德顺",
    "福满",
    "金秋",
    "鑫源",
    "百姓",
    "幸福",
    "康乐",
    "聚友",
    "佳美",
    "新华",
    "长安",
    "骊山",
    "华清",
    "东城",
    "顺发",
];

const SHOPS: [&str; 20] = [
    "超市",
    "便利店",
    "面馆",
    "理发店",
    "大药房",
    "眼镜店",
    "水果店",
    "干洗店",
    "早餐店",
    "花店",
    "书店",
    "照相馆",
    "五金店",
    "茶社",
    "烘焙坊",
    "家电维修部",
    "修鞋铺",
    "粮油店",
    "母婴店",
    "洗车行",
];

/// A unit's registered name, by its kind.
pub fn unit_name(rng: &mut Rng, kind: crate::domain::UnitKind) -> String {
    use crate::domain::UnitKind;
    match kind {
        UnitKind::DualRegistered => {
            format!("临潼区{}", AGENCIES[rng.index(AGENCIES.len())])
        }
        UnitKind::CoBuilding => format!(
            "{}{}",
            COMMUNITIES[rng.index(COMMUNITIES.len())],
            [
                "小学",
                "幼儿园",
                "派出所",
                "卫生服务中心",
                "物业公司",
                "业主委员会",
                "老年大学",
                "消防救援站",
            ][rng.index(8)]
        ),
        UnitKind::Company => format!(
            "西安{}{}",
            COMPANY_NAMES[rng.index(COMPANY_NAMES.len())],
            TRADES[rng.index(TRADES.len())]
        ),
        UnitKind::Merchant => format!(
            "{}{}",
            SHOP_NAMES[rng.index(SHOP_NAMES.len())],
            SHOPS[rng.index(SHOPS.len())]
        ),
    }
}

/// A branch of a unit, named after a community: 惠民超市东城分店.
pub fn branch(rng: &mut Rng, name: &str, kind: crate::domain::UnitKind) -> String {
    use crate::domain::UnitKind;
    let suffix = match kind {
        UnitKind::DualRegistered => "服务点",
        UnitKind::CoBuilding => "分部",
        UnitKind::Company => "分公司",
        UnitKind::Merchant => "分店",
    };
    format!(
        "{name}{}{suffix}",
        COMMUNITIES[rng.index(COMMUNITIES.len())]
    )
}
