"""The 20 applicant questions of the evaluation in docs/assistant.md, fixed once written, with
the article a right answer comes from and the judgement of the answer `banquan ask` gave
(right / partly / wrong). ``test_evaluation.py`` asserts the expected article is cited first
for those judged right."""

QUESTIONS: list[tuple[str, str, str]] = [
    ("软件著作权登记需要多长时间？", "software-registration", "right"),
    ("作品登记要交费吗？", "fees", "right"),
    ("证书丢了怎么办？", "reissue", "right"),
    ("源代码要交多少页？", "software-deposit", "right"),
    ("外国人能登记吗？", "work-registration", "right"),
    ("作品登记需要准备哪些材料？", "work-registration", "right"),
    ("不登记还有著作权吗？", "work-registration", "partly"),
    ("登记以后作品名称写错了能改吗？", "changes", "right"),
    ("怎么查询一个登记证书是不是真的？", "certificates", "right"),
    ("著作权可以拿去银行质押贷款吗？", "pledge", "right"),
    ("软件源代码里有商业秘密，不想全部提交怎么办？", "software-deposit", "right"),
    ("作品登记审查要多少个工作日？", "work-registration", "right"),
    ("收到补正通知多久内要补正？", "software-registration", "partly"),
    ("软件登记收费吗？", "fees", "right"),
    ("著作权转让合同可以备案吗？", "contracts", "right"),
    ("我的作品被法院查封了还能办转让吗？", "seizure", "wrong"),
    ("哪些作品不予登记？", "work-registration", "right"),
    ("拍的照片登记选什么类别？", "work-categories", "right"),
    ("登记证书为什么会被撤销？", "revocation", "partly"),
    ("申请提交以后在哪里看进度？", "site-guide", "right"),
]
