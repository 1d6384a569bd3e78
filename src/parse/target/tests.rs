//! Unit tests of the extractor: each comparator, each kind, ranges, decimals,
//! scales, Chinese numerals, investments and every trap named in the issue.

use super::*;
use crate::model::{Comparator as C, Direction as D, TargetKind as K};

fn run(text: &str) -> (Vec<Target>, Vec<Investment>) {
    let index = LineIndex::new(text);
    extract(text, 0, &index)
}

fn targets(text: &str) -> Vec<Target> {
    run(text).0
}

fn one(text: &str) -> Target {
    let t = targets(text);
    assert_eq!(t.len(), 1, "{text}: {t:#?}");
    t.into_iter().next().expect("one target")
}

/// (value, unit, comparator, kind, metric) of the only target in `text`.
fn reads(text: &str) -> (f64, String, C, K, Option<String>) {
    let t = one(text);
    (t.value, t.unit, t.comparator, t.kind, t.metric)
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn comparator_eq_without_a_word() {
    assert_eq!(
        reads("地区生产总值增长11%。"),
        (11.0, "%".into(), C::Eq, K::Growth, s("地区生产总值"))
    );
}

#[test]
fn comparator_ge() {
    for text in [
        "新增规上工业企业20家以上",
        "新增规上工业企业不低于20家",
        "新增规上工业企业不少于20家",
        "新增规上工业企业至少20家",
        "新增规上工业企业20家及以上",
    ] {
        let t = one(text);
        assert_eq!((t.value, t.comparator), (20.0, C::Ge), "{text}");
        assert_eq!(t.metric.as_deref(), Some("规上工业企业"), "{text}");
    }
}

#[test]
fn comparator_gt_and_le_are_not_confused() {
    assert_eq!(one("转化率超过50%").comparator, C::Gt);
    assert_eq!(one("转化率高于50%").comparator, C::Gt);
    assert_eq!(one("转化率不超过50%").comparator, C::Le);
    assert_eq!(one("转化率不高于50%").comparator, C::Le);
    assert_eq!(one("新增企业300多家").comparator, C::Gt);
}

#[test]
fn comparator_le() {
    let t = one("城镇登记失业率控制在4.5%以内。");
    assert_eq!((t.value, t.comparator, t.kind), (4.5, C::Le, K::Level));
    assert_eq!(t.metric.as_deref(), Some("城镇登记失业率"));
    assert_eq!(t.text, "控制在4.5%以内");
    assert_eq!(one("银行不良贷款率控制在2%").comparator, C::Le);
    assert_eq!(one("能耗强度3%以下").comparator, C::Le);
}

#[test]
fn comparator_lt() {
    assert_eq!(one("PM浓度低于35%").comparator, C::Lt);
    assert_eq!(one("死亡人数少于5人").comparator, C::Lt);
}

#[test]
fn comparator_approx() {
    let t = one("新增限上住宿企业5家左右。");
    assert_eq!((t.value, t.comparator, t.kind), (5.0, C::Approx, K::Count));
    assert_eq!(t.metric.as_deref(), Some("限上住宿企业"));
    assert_eq!(one("协议引资约300亿元").comparator, C::Approx);
}

#[test]
fn comparator_range_with_every_separator() {
    for sep in ["-", "\u{2014}", "~", "\u{ff5e}", "至", "\u{ff0d}"] {
        let text = format!("打造3{sep}5家营销龙头企业。");
        let t = one(&text);
        assert_eq!(
            (t.value, t.value_max, t.comparator),
            (3.0, Some(5.0), C::Range),
            "{text}"
        );
        assert_eq!(t.metric.as_deref(), Some("营销龙头企业"), "{text}");
        assert_eq!(t.kind, K::Count);
    }
    let t = one("增长8%-10%");
    assert_eq!((t.value, t.value_max, t.kind), (8.0, Some(10.0), K::Growth));
}

#[test]
fn comparator_far_from_its_value() {
    let t = one("纳入储备库总投资不低于上年度固定资产投资的3倍,");
    assert_eq!((t.value, t.unit.as_str(), t.comparator), (3.0, "倍", C::Ge));
    assert_eq!(t.text, "不低于上年度固定资产投资的3倍");
    assert_eq!(t.metric.as_deref(), Some("纳入储备库总投资"));
    assert_eq!(t.kind, K::Level);
}

#[test]
fn one_value_for_two_rates() {
    let t = one("储备库转建设库、建设库转达效库转化率均超过50%。");
    assert_eq!((t.value, t.comparator), (50.0, C::Gt));
    assert!(t.metric.as_deref().is_some_and(|m| m.ends_with("转化率")));
    assert_eq!(t.text, "均超过50%");
}

#[test]
fn floor_without_a_comparator_word() {
    let t = one("严防死守58.42万亩耕地红线,");
    assert_eq!(
        (t.value, t.unit.as_str(), t.comparator),
        (58.42, "万亩", C::Ge)
    );
    assert_eq!(t.base_value, Some(584_200.0));
    assert_eq!(t.metric.as_deref(), Some("耕地红线"));
}

#[test]
fn kinds() {
    assert_eq!(one("规上工业增加值增速11%").kind, K::Growth);
    assert_eq!(one("同比增长8%").kind, K::Growth);
    assert_eq!(one("城镇化率提高2个百分点").kind, K::Growth);
    assert_eq!(one("规上工业总产值620亿元").kind, K::Level);
    assert_eq!(one("高新技术企业增加值占GDP比重达到15%").kind, K::Level);
    assert_eq!(one("空气质量优良率保持83%以上").kind, K::Level);
    assert_eq!(one("新建“四好农村路”100公里").kind, K::Level);
    assert_eq!(one("建成周转房和公租房500套以上").kind, K::Count);
    assert_eq!(one("新增城镇就业6400人以上").kind, K::Count);
    let t = one("城镇化率提高到60%");
    assert_eq!((t.kind, t.direction), (K::Level, Some(D::Increase)));
}

#[test]
fn directions() {
    assert_eq!(one("地区生产总值增长11%").direction, Some(D::Increase));
    assert_eq!(one("单位能耗下降3%").direction, Some(D::Decrease));
    assert_eq!(one("排放总量减少5%").direction, Some(D::Decrease));
    assert_eq!(one("新增外贸企业5家").direction, None);
    assert_eq!(one("城镇登记失业率控制在4.5%以内").direction, None);
    let t = one("按照不低于5%的幅度从严从紧核减“三公”经费,");
    assert_eq!(
        (t.comparator, t.kind, t.direction),
        (C::Ge, K::Growth, Some(D::Decrease))
    );
    assert_eq!(t.metric.as_deref(), Some("“三公”经费"));
}

#[test]
fn decimals_and_scales() {
    let t = one("规上工业总产值12.8亿元");
    assert_eq!((t.value, t.base_value), (12.8, Some(1.28e9)));
    let t = one("完成2020年度3.5万亩建设任务");
    assert_eq!(
        (t.value, t.unit.as_str(), t.base_value),
        (3.5, "万亩", Some(35_000.0))
    );
    assert_eq!(t.metric.as_deref(), Some("建设任务"));
    let t = one("粮食产量稳定在27万吨以上");
    assert_eq!((t.base_value, t.comparator), (Some(270_000.0), C::Ge));
    assert_eq!(one("退化林修复6000亩").base_value, None);
    assert_eq!(one("引进人才1万名左右").base_value, Some(10_000.0));
    assert_eq!(one("建设绿道12千米").base_value, None);
}

#[test]
fn chinese_numerals() {
    let t = one("新增两家规上企业");
    assert_eq!((t.value, t.unit.as_str(), t.kind), (2.0, "家", K::Count));
    let t = one("农产品加工转化率提高三成");
    assert_eq!(
        (t.value, t.unit.as_str(), t.base_value),
        (3.0, "成", Some(30.0))
    );
    assert_eq!(t.kind, K::Growth);
    let t = one("农民收入实现翻一番");
    assert_eq!((t.value, t.unit.as_str(), t.kind), (1.0, "番", K::Growth));
    assert_eq!(t.direction, Some(D::Increase));
    assert_eq!(one("经济总量翻两番").value, 2.0);
    assert_eq!(one("建成三至五所学校").value_max, Some(5.0));
}

#[test]
fn counter_after_the_number_names_the_metric() {
    let t = targets("抓好7个省重点项目、19个咸宁市重点项目和452个市重点项目建设。");
    let metrics: Vec<_> = t.iter().map(|t| t.metric.as_deref()).collect();
    assert_eq!(
        metrics,
        [
            Some("省重点项目"),
            Some("咸宁市重点项目"),
            Some("市重点项目")
        ]
    );
    assert_eq!(one("新建5G基站320个。").metric.as_deref(), Some("5G基站"));
}

#[test]
fn traps_yield_nothing() {
    for text in [
        "编制“十四五”规划",
        "十四五期间",
        "增强“四个意识”、坚定“四个自信”、做到“两个维护”",
        "增强四个意识,做到两个维护",
        "全面增强干事创业“八种本领”,提高解决实际问题“七种能力”",
        "推进“一网通办”",
        "做好六稳六保",
        "强化13类重点人群常态化监测",
        "大力发展5G手机后盖",
        "启动G4连接线工程建设",
        "创建国家3A级景区",
        "建成丁母山110千伏变电站项目",
        "2021年是开局之年",
        "完成2020年度建设任务",
        "完成长城碳素12万吨煅烧炉和焙烧炉烟气脱硝",
        "推动一二三产业融合发展",
        "建成运营三国赤壁绿色批发商贸城",
        "实施“百家商超进小区”行动",
        "承办第二届运动会",
        "执行脱贫5年过渡期政策",
        "环评报告书14个工作日内完成审批",
        "支持创建三级医院",
        "完成生态保护红线、永久基本农田、城镇开发边界三条控制线划定",
        "建设一个现代化城市",
        "实施“一村一名大学生村医”工程",
        "持股100%控股子公司",
        "PM2.5浓度",
        "启动\u{ff27}\u{ff14}连接线",
        "抓好80萬噸乙烯改擴建項目",
    ] {
        let (t, i) = run(text);
        assert!(t.is_empty() && i.is_empty(), "{text}: {t:#?} {i:#?}");
    }
}

#[test]
fn four_good_rural_roads_are_a_slogan_but_their_length_is_a_target() {
    let t = one("新建“四好”农村路100公里。");
    assert_eq!((t.value, t.unit.as_str()), (100.0, "公里"));
}

#[test]
fn investments_are_kept_apart() {
    let (t, i) = run("重点推进投资13亿元的华润赤壁日曜千亩渔光互补光伏发电项目,");
    assert!(t.is_empty());
    assert_eq!(i.len(), 1);
    assert_eq!(
        (i[0].amount, i[0].unit.as_str(), i[0].base_value),
        (13.0, "亿元", 1.3e9)
    );
    assert_eq!(i[0].text, "投资13亿元");
    assert_eq!(
        i[0].project.as_deref(),
        Some("华润赤壁日曜千亩渔光互补光伏发电项目")
    );

    let (t, i) = run("实施总投资23.27亿元的38个公共卫生服务补短板强弱项项目,");
    assert_eq!(i.len(), 1);
    assert_eq!(i[0].amount, 23.27);
    assert_eq!(
        i[0].project.as_deref(),
        Some("公共卫生服务补短板强弱项项目")
    );
    assert_eq!(t.len(), 1);
    assert_eq!(
        (t[0].value, t[0].unit.as_str(), t[0].kind),
        (38.0, "个", K::Count)
    );
    assert_eq!(t[0].metric.as_deref(), Some("公共卫生服务补短板强弱项项目"));

    let (t, i) = run("加快建设12.8亿元的新兴非织造产业园、5.2亿元的无纺布制造等项目,");
    assert!(t.is_empty());
    let projects: Vec<_> = i.iter().map(|i| i.project.as_deref()).collect();
    assert_eq!(projects, [Some("新兴非织造产业园"), Some("无纺布制造")]);

    let (t, i) =
        run("确保总投资5.7亿元的思贝林生物科技、1.3亿元的黄道益二期以及鲲来生物等建成投产。");
    assert!(t.is_empty());
    let projects: Vec<_> = i.iter().map(|i| i.project.as_deref()).collect();
    assert_eq!(projects, [Some("思贝林生物科技"), Some("黄道益二期")]);
}

#[test]
fn amounts_that_are_not_investments() {
    let (t, i) = run("全年争取各类资金30亿元以上,协议引资300亿元左右。");
    assert!(i.is_empty());
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].metric.as_deref(), Some("各类资金"));
    let (t, i) = run("给予每人1万元的补贴。");
    assert!(i.is_empty());
    assert_eq!(t.len(), 1);
    let (t, i) = run("完成固定资产投资300亿元。");
    assert!(i.is_empty());
    assert_eq!(t[0].metric.as_deref(), Some("固定资产投资"));
}

#[test]
fn spans_locate_the_text() {
    let text = "一、目标\n1.地区生产总值增长11%。";
    let offset = text.find("地区").expect("in text");
    let index = LineIndex::new(text);
    let (t, _) = extract(&text[offset..], offset, &index);
    assert_eq!(&text[t[0].span.range()], "增长11%");
    assert_eq!((t[0].span.line, t[0].span.column), (2, 9));
}

#[test]
fn full_width_text() {
    let t = one("地区生产总值增长\u{ff17}\u{ff0e}\u{ff15}\u{ff05}左右\u{ff0c}");
    assert_eq!(
        (t.value, t.unit.as_str(), t.comparator),
        (7.5, "\u{ff05}", C::Approx)
    );
    assert_eq!(t.metric.as_deref(), Some("地区生产总值"));
}

#[test]
fn traditional_characters() {
    let t = one("建成標準廠房20萬平方米。");
    assert_eq!(
        (t.unit.as_str(), t.base_value),
        ("萬平方米", Some(200_000.0))
    );
    let t = one("新增規模以上工業企業15家以上");
    assert_eq!((t.value, t.comparator, t.kind), (15.0, C::Ge, K::Count));
}
