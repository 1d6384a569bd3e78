//! Text a web page wraps around a notice: navigation, font-size switches,
//! print and share buttons, breadcrumbs. Copied along with the notice, it
//! must end up unrecognised, never as a title, a header pair or a task.

/// Words that make up navigation lines (字号: 大 中 小 | 打印整页 | 关闭窗口).
const NAVIGATION_WORDS: &[&str] = &[
    "字号",
    "字体",
    "大",
    "中",
    "小",
    "默认",
    "超大",
    "打印",
    "打印本页",
    "打印整页",
    "打印内容",
    "打印文章",
    "分享",
    "分享到",
    "收藏",
    "关闭",
    "关闭窗口",
    "关闭本页",
    "返回",
    "返回首页",
    "返回顶部",
    "设为首页",
    "加入收藏",
    "无障碍",
    "无障碍阅读",
    "长者版",
    "关怀版",
    "政府信息公开",
    "扫一扫",
    "在手机上打开",
];

/// Prefixes of breadcrumb lines (您当前的位置 : 专题 > 文件).
const BREADCRUMBS: &[&str] = &["您当前的位置", "您的位置", "当前位置", "所在位置"];

/// True for a line made only of navigation words, or a breadcrumb.
///
/// Lines are split on spaces and on the punctuation pages put between
/// buttons (`:`, `|`, `【】`, bullets); every piece must be a navigation word.
pub(crate) fn is_navigation(line: &str) -> bool {
    let line = line.trim_start_matches(['-', '•', '·', '*', ' ']);
    if BREADCRUMBS.iter().any(|b| line.starts_with(b)) {
        return true;
    }
    // A row of buttons is short; a paragraph need not be split to tell.
    if line.len() > 120 {
        return false;
    }
    let mut words = line
        .split(|c: char| {
            super::trivia::is_space(c)
                || super::trivia::is_colon(c)
                || matches!(c, '|' | '【' | '】' | '[' | ']' | '·' | '•' | '/')
        })
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| NAVIGATION_WORDS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn navigation_lines_are_noise() {
        for line in [
            "字号:",
            "打印整页 打印内容 分享",
            "字体:【 默认 超大 |",
            "【字体:打印",
            "无障碍阅读 关怀版 返回首页",
            "- 设为首页",
            "字号:大 中 小",
            "【打印】【关闭窗口】",
            "您当前的位置 : 专题 > 文件/相关政策",
        ] {
            assert!(is_navigation(line), "{line}");
        }
    }

    #[test]
    fn notice_text_is_not_noise() {
        for line in [
            "一、加强组织领导",
            "大力推进产业升级",
            "字号是什么",
            "各县区人民政府:",
            "",
        ] {
            assert!(!is_navigation(line), "{line}");
        }
    }
}
