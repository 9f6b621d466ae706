"""The demo's works and what happens to each (no database).

A ``Story`` is one application: the form as the applicant fills it in, its sample file and the
steps it goes through, each a number of working days after the story starts (``start`` working
days before today). The seeder plays all steps of all stories in date order.

Together they cover every category with a registered work, every application status, the
deadline situations of the reviewer queue (overdue, due soon, on time, clock stopped) and the
rights statuses pledged, seized, revoked and superseded.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from banquan.demo.people import PLACE_BY_CITY as AT
from banquan.demo.people import Place, org_owner, person_owner, random_uscc


def _org(name: str, place: Place, kind: str = "enterprise") -> dict:
    """An organisation owner whose credit code is drawn from its name, so it never changes.
    Registry 9 (market regulation) issues enterprise codes, 1 (staffing offices) those of
    government bodies and public institutions."""
    registry, code_kind = {"enterprise": ("9", "1"), "government": ("1", "1"), "institution": ("1", "2")}[kind]
    return org_owner(name, place, random_uscc(random.Random(name), place, registry=registry, kind=code_kind), kind)


# --- the people the works belong to ---------------------------------------------------------
LI_MINGHUA = person_owner("李明华", AT["朝阳区"], dt.date(1982, 6, 14), 135)
XINGHE = _org("星河文化传媒有限公司", AT["徐汇区"])
ZHENG_QIUSHI = person_owner("郑秋实", AT["海淀区"], dt.date(1958, 3, 2), 217)
DUAN_SIYUAN = person_owner("段思远", AT["五华区"], dt.date(1976, 10, 9), 88)
HOU_ZHIQIANG = person_owner("侯志强", AT["市南区"], dt.date(1969, 1, 23), 51)
MA_XIAODONG = person_owner("马晓东", AT["市南区"], dt.date(1971, 7, 30), 62)
BAI_YUTONG = person_owner("白雨桐", AT["西湖区"], dt.date(1990, 12, 5), 346)
WEIGUANG = _org("深圳微光智能科技有限公司", AT["南山区"])
WUHOU_CULTURE = _org("成都市武侯区文化广电旅游局", AT["武侯区"], kind="government")
WANG_ZHENHUA = person_owner("王振华", AT["东城区"], dt.date(1964, 4, 18), 173)
QIAN_HUI = person_owner("钱慧", AT["东城区"], dt.date(1988, 9, 1), 244)
XIXI_DESIGN = _org("杭州西溪建筑设计研究院有限公司", AT["西湖区"])
PUJIANG_ACROBATS = _org("上海浦江杂技艺术团", AT["浦东新区"], kind="institution")
HAN_XUE = person_owner("韩雪", AT["思明区"], dt.date(1993, 2, 27), 402)
SU_GARDEN = _org("苏州园林文化发展有限公司", AT["姑苏区"])
LUO_WEN = person_owner("罗文", AT["岳麓区"], dt.date(1979, 11, 11), 19)

OFFICE = "审查员"
APPROVED = "材料齐全，作品具有独创性，符合登记条件，准予登记。"


@dataclass(frozen=True)
class Story:
    key: str
    applicant: str  # demo account key: person, company or agent
    category: str
    title: str
    start: int  # working days before today on which the applicant creates the application
    steps: tuple[tuple, ...]  # (kind, working days after start, *arguments)
    authors: tuple[tuple[str, str], ...] = ()
    owners: tuple[dict, ...] = ()
    sample: tuple = ()  # ("image", style, "PNG"|"JPEG") | ("pdf", paragraphs) | ("wav", melody) | ("text", body)
    #                     | ("logo_copy", demo mark brand, style): a picture copying a protected demo mark
    purpose: str = ""
    process: str = ""
    originality: str = ""
    nature: str = "original"
    creation_mode: str = "independent"
    published: bool = True
    age_days: int = 300  # completion date: this many days before the story starts
    category_note: str = ""
    source: tuple[str, str] = ("", "")  # original work (title, author) of a derived work
    partial: bool = False  # a draft saved half-way: title and category only
    extra: dict = field(default_factory=dict)  # further form fields


def registered(reviewer: str, approve: int = 15, *, correction: tuple[int, str, int, str] | None = None,
               accept: int = 2) -> tuple[tuple, ...]:
    """The usual path: submit, accept, review, (one correction round), approve."""
    steps: list[tuple] = [("create", 0), ("submit", 0), ("accept", accept, reviewer),
                          ("review", accept + 1, reviewer)]
    if correction:
        asked, request, answered, response = correction
        steps += [("correct", asked, reviewer, request), ("resubmit", answered, response)]
    steps.append(("approve", approve, reviewer, APPROVED))
    return tuple(steps)


NOVEL = [
    "那年春天，长河解冻得比往年都早。父亲站在渡口，看冰排一块接一块地撞向下游的石桥，说今年的水要大。",
    "渡口边的老槐树下，母亲支起了茶摊。来往的船工、挑担的货郎，都爱在这里歇脚，讲些上游下游的新鲜事。",
    "我那时九岁，最盼的是傍晚。夕阳落进河里，整条河像烧红的铁水，船工的号子一声长一声短，一直传到对岸。",
]
SCRIPT = [
    "第一幕　茶马古道上的驿站。风雪夜，马帮头人阿旺推门而入，抖落满身雪花。",
    "阿旺：（向店家）老哥，今晚借个火塘。明天天不亮，我们还要翻过雪山垭口。",
    "店家：这样的天，垭口上的雪怕是齐腰深了。你们驮的是什么，值得这样赶路？",
    "阿旺：（沉默片刻）是茶。山那边的人家，等这批茶等了一个冬天。",
]
ESSAY = [
    "城南的旧巷子里，住着我的整个童年。青石板路被雨水洗得发亮，墙角的青苔一年绿过一年。",
    "巷口的修鞋匠、卖麦芽糖的老人、总在窗台上晒被子的邻家阿婆，都在记忆里慢慢变成了一幅画。",
]
TALK = (
    "各位同学，今天我不讲稿子，就讲讲我这几十年读书做学问的一点体会。\n"
    "王国维先生说古今成大事业、大学问者，必经过三种之境界。我年轻时读到这段话，只当是文人的比喻；"
    "到了这个年纪，才知道这三种境界，每一种都要用很多年去走。\n"
    "第一种境界是“昨夜西风凋碧树，独上高楼，望尽天涯路”。这是立志，也是孤独……"
)
CROSSTALK = (
    "甲：最近我买了个新手机。\n乙：好啊，什么牌子的？\n甲：牌子不要紧，要紧的是它太聪明了。\n"
    "乙：怎么个聪明法？\n甲：早上我还没睁眼，它先跟我说：“主人，今天降温，建议您穿秋裤。”\n"
    "乙：这挺贴心啊。\n甲：贴心？它接着说：“已经替您把秋裤下单了，顺便把您的存款也理了理财。”\n"
    "乙：那钱呢？\n甲：理没了！"
)
# 简谱 degrees (1 2 3 5 6, 8 = high 1) and beats: a short pentatonic tune.
SPRING_TUNE = [(3, 1), (5, 0.5), (6, 0.5), (8, 1), (6, 0.5), (5, 0.5), (3, 1), (2, 1), (1, 0.5),
               (2, 0.5), (3, 1), (5, 1), (3, 2)]
CHILD_TUNE = [(1, 0.5), (1, 0.5), (5, 0.5), (5, 0.5), (6, 0.5), (6, 0.5), (5, 1), (3, 0.5), (3, 0.5),
              (2, 0.5), (2, 0.5), (1, 2)]


def _story(**kw) -> Story:
    return Story(**kw)


# --- one registered work in every category --------------------------------------------------
REGISTERED: tuple[Story, ...] = (
    _story(key="novel", applicant="person", category="written", title="长河往事",
           start=150, steps=registered("reviewer1", 14),
           authors=(("李明华", "明华"),), owners=(LI_MINGHUA,), sample=("pdf", NOVEL), age_days=420,
           purpose="记录北方小城渡口人家三代人的生活变迁，出版并改编为影视作品。",
           process="2021 年起利用业余时间收集家族口述材料，历时三年写成初稿，2024 年修订定稿。",
           originality="以儿童视角串联渡口人家的命运，人物、情节与语言均为作者独立创作。"),
    _story(key="talk", applicant="agent", category="oral", title="人生的三种境界——在青年学子座谈会上的即兴演讲",
           start=142, steps=registered("reviewer2", 12), published=True, age_days=200,
           authors=(("郑秋实", "郑秋实"),), owners=(ZHENG_QIUSHI,), sample=("text", TALK),
           purpose="保存作者在座谈会上即兴发表的演讲，供结集出版。",
           process="2025 年 9 月在北京某高校座谈会上即兴发表，现场录音后由助手整理成文字稿。",
           originality="演讲内容为作者现场即兴组织的口头表达，结合个人治学经历，具有独创性。"),
    _story(key="tune", applicant="company", category="music", title="江南春晓",
           start=138, steps=registered("reviewer1", 11), creation_mode="employment", age_days=260,
           authors=(("陈雨桐", "陈雨桐"),), owners=(XINGHE,), sample=("wav", SPRING_TUNE),
           purpose="为公司出品的动画片《小熊猫滚滚》创作片头音乐。",
           process="作曲人陈雨桐为公司音乐部员工，2025 年春完成旋律创作，后经配器录制小样。",
           originality="以五声音阶写成的原创旋律，节奏与乐句结构均为作曲人独立构思。"),
    _story(key="drama", applicant="agent", category="drama", title="茶马古道",
           start=135, steps=(("create", 0), ("submit", 0), ("accept", 2, "reviewer1"),
                             ("assign", 3, "special"), ("review", 4, "special"),
                             ("approve", 19, "special", "专项审查：作品涉及历史题材，内容导向正确，准予登记。")),
           authors=(("段思远", "段思远"),), owners=(DUAN_SIYUAN,), sample=("pdf", SCRIPT), age_days=500,
           published=False,
           purpose="创作一部反映滇藏茶马古道马帮生活的三幕话剧，供剧团排演。",
           process="作者多次沿古道采风，2023 年完成初稿，2024 年与剧团合作排练后修改定稿。",
           originality="人物、情节与对白均为作者原创，以马帮运茶为主线展现民族交往。"),
    _story(key="crosstalk", applicant="agent", category="quyi", title="新编相声《手机奇遇记》",
           start=128, creation_mode="joint", age_days=150,
           steps=registered("reviewer2", 18, correction=(6, "两位作者系合作创作，请补充两位作者签署的合作创作协议，并说明各自分工。",
                                                         9, "已上传合作创作协议扫描件，并在创作过程中补充说明分工。")),
           authors=(("侯志强", "侯志强"), ("马晓东", "马晓东")), owners=(HOU_ZHIQIANG, MA_XIAODONG),
           sample=("text", CROSSTALK),
           purpose="创作一段反映智能生活的新编对口相声，用于剧场演出。",
           process="两位作者于 2025 年夏共同构思，侯志强执笔甲方台词，马晓东执笔乙方台词并设计包袱。",
           originality="以智能手机为题材的原创段子，结构与包袱设计均为两位作者共同创作。"),
    _story(key="painting", applicant="person", category="fine_art", title="山水长卷·四季",
           start=124, steps=registered("reviewer1", 9), age_days=380,
           authors=(("李明华", "明华"),), owners=(LI_MINGHUA,), sample=("image", "landscape", "PNG"),
           purpose="以水墨长卷表现家乡四季山水，参加市级美术展览。",
           process="2024 年春至冬四次写生，回到画室后整理成长卷，历时一年完成。",
           originality="构图、笔墨与设色均为作者独立创作，以一卷贯通四季景色。"),
    _story(key="photo", applicant="person", category="photography", title="雪落故宫",
           start=118, steps=registered("reviewer2", 10), age_days=330,
           authors=(("李明华", "明华"),), owners=(LI_MINGHUA,), sample=("image", "landscape", "JPEG"),
           purpose="记录故宫初雪景色，用于个人摄影集出版。",
           process="2024 年 12 月初雪当日清晨在神武门外取景拍摄，经后期调色完成。",
           originality="拍摄时机、角度、构图与光线选择均体现作者的个性化表达。"),
    _story(key="dance", applicant="agent", category="dance", title="月下踏歌",
           start=112, steps=registered("reviewer1", 13) + (
               ("rights", 60, "revoked",
                "经查，该舞蹈的主要动作编排与他人在先发表的作品实质相同，申请人提交的权属证明不实，"
                "依据《作品自愿登记试行办法》第八条撤销登记。"),),
           authors=(("白雨桐", "白雨桐"),), owners=(BAI_YUTONG,), sample=("image", "stage", "JPEG"),
           age_days=240,
           purpose="为舞蹈工作室年度汇报演出编排的独舞作品。",
           process="2025 年初开始编排，经三个月排练定稿，同年春季公演。",
           originality="申请人称动作语汇与段落结构为独立编排。"),
    _story(key="cartoon", applicant="company", category="audiovisual", title="小熊猫滚滚（第一集）",
           start=108, steps=registered("reviewer2", 12) + (
               ("rights", 40, "pledged",
                "著作权质押：出质人星河文化传媒有限公司以该作品著作权向中国工商银行北京朝阳支行出质，"
                "担保借款合同编号 ICBC-BJCY-2026-0318，质押期限两年。"),),
           creation_mode="legal_person", authors=(("星河文化传媒有限公司", "星河文化"),), owners=(XINGHE,),
           sample=("image", "abstract", "PNG"), age_days=200,
           purpose="公司原创系列动画片的第一集，在网络平台播出。",
           process="由公司动画部主持创作，编剧、分镜、动画与后期制作历时八个月，2025 年完成。"
                   "（演示数据：样本为关键帧截图，实际申请应上传视频文件。）",
           originality="角色形象、剧情与画面均为公司组织原创，体现公司意志并由公司承担责任。"),
    _story(key="purifier", applicant="agent", category="design_drawing", title="便携式空气净化器外观设计图",
           start=102, steps=registered("reviewer1", 8), creation_mode="employment", published=False,
           authors=(("罗文", "罗文"),), owners=(WEIGUANG,), sample=("image", "blueprint", "PNG"),
           age_days=180,
           purpose="新产品外观设计，用于产品开发与生产。",
           process="工业设计师罗文在公司任务安排下完成外观草图与三视图，2025 年定稿。",
           originality="造型比例、进风格栅与把手的线条组合为设计师独立设计。"),
    _story(key="culture_map", applicant="agent", category="map", title="成都市武侯区文化旅游示意图",
           start=96, creation_mode="legal_person", age_days=160,
           steps=registered("reviewer2", 17, correction=(5, "示意图中地名标注与样本说明不一致，请核对后补正样本。",
                                                         8, "已核对全部地名标注，重新上传了样本。")),
           authors=(("成都市武侯区文化广电旅游局", "武侯区文广旅局"),), owners=(WUHOU_CULTURE,),
           sample=("image", "map", "PNG"),
           purpose="向游客介绍武侯区的文化场馆与旅游线路。",
           process="由区文广旅局组织编绘，经实地踏勘确定线路与图例，2025 年印制发放。",
           originality="线路选择、图例设计与版面编排具有独创性。"),
    _story(key="model_v1", applicant="agent", category="model", title="故宫角楼微缩模型",
           start=90, steps=registered("reviewer1", 10),
           authors=(("王振华", "王振华"),), owners=(WANG_ZHENHUA,), sample=("image", "blueprint", "JPEG"),
           age_days=420,
           purpose="以一比五十的比例制作故宫角楼模型，用于展览与教学。",
           process="2023 年起测绘角楼结构，历时一年半以榫卯方式手工制作完成。",
           originality="模型的比例取舍、构件简化与材质表现体现作者的独创性选择。"),
    _story(key="visitor_centre", applicant="agent", category="architecture", title="西溪湿地游客中心",
           start=84, creation_mode="legal_person", age_days=700,
           steps=registered("reviewer2", 16, correction=(4, "请补充建筑作品的实景照片，并说明设计单位与建设单位的关系。",
                                                         7, "已补充实景照片，设计单位即著作权人，建设单位为委托方。")) + (
               ("rights", 45, "seized",
                "根据北京市海淀区人民法院（2026）京0108执1234号协助执行通知书，查封该作品著作权，"
                "查封期限三年。"),),
           authors=(("杭州西溪建筑设计研究院有限公司", "西溪设计院"),), owners=(XIXI_DESIGN,),
           sample=("image", "blueprint", "PNG"),
           purpose="湿地公园游客中心建筑设计，已建成并对外开放。",
           process="2022 年中标设计任务，2023 年建成；作品以建成建筑的外观造型为登记对象。",
           originality="屋顶曲线取意芦苇随风起伏，立面与湿地景观融为一体。"),
    _story(key="swing", applicant="agent", category="acrobatics", title="云端秋千",
           start=78, steps=registered("reviewer1", 12), creation_mode="legal_person", age_days=210,
           authors=(("上海浦江杂技艺术团", "浦江杂技团"),), owners=(PUJIANG_ACROBATS,),
           sample=("image", "stage", "JPEG"),
           purpose="杂技团新排演的高空秋千节目，用于国内外巡演。",
           process="由艺术团创作室编排，经一年排练，2025 年首演。",
           originality="节目中的动作组合、造型与编排顺序为艺术团原创设计。"),
    _story(key="lightshow", applicant="company", category="other", title="星河幻境光影展",
           start=70, steps=registered("reviewer2", 11), creation_mode="legal_person", age_days=150,
           category_note="沉浸式光影展陈作品", authors=(("星河文化传媒有限公司", "星河文化"),),
           owners=(XINGHE,), sample=("image", "abstract", "PNG"),
           purpose="沉浸式光影展览的整体视觉方案，用于商业展陈。",
           process="公司设计团队 2025 年完成空间动线、光影序列与音画配合设计。",
           originality="空间中光影、色彩与动线的整体编排为公司原创。"),
    _story(key="model_v2", applicant="agent", category="model", title="故宫角楼微缩模型",
           start=45, steps=registered("reviewer1", 9, accept=1) + (
               ("supersede", 9, "model_v1",
                "原登记漏列合作作者钱慧。经双方申请，以新登记（作者王振华、钱慧）替代原登记。"),),
           creation_mode="joint", authors=(("王振华", "王振华"), ("钱慧", "钱慧")),
           owners=(WANG_ZHENHUA, QIAN_HUI), sample=("image", "blueprint", "JPEG"), age_days=370,
           purpose="以一比五十的比例制作故宫角楼模型，用于展览与教学。",
           process="2023 年起由王振华测绘结构、钱慧制作屋面构件，历时一年半手工制作完成。",
           originality="模型的比例取舍、构件简化与材质表现体现两位作者的独创性选择。"),
)

# --- the reviewer queue and the other application statuses ----------------------------------
QUEUE: tuple[Story, ...] = (
    _story(key="draft_essay", applicant="person", category="written", title="城南旧梦",
           start=3, steps=(("create", 0),), authors=(("李明华", "明华"),), owners=(LI_MINGHUA,),
           sample=("pdf", ESSAY), published=False, age_days=60,
           purpose="散文集，记录童年生活。", process="2026 年写成。", originality="内容为作者亲历，独立写作。"),
    _story(key="draft_partial", applicant="company", category="audiovisual", title="小熊猫滚滚（第二集）",
           start=1, steps=(("create", 0),), partial=True),
    _story(key="submitted_gorge", applicant="agent", category="photography", title="长江三峡全景图",
           start=0, steps=(("create", 0), ("submit", 0)), authors=(("韩雪", "韩雪"),), owners=(HAN_XUE,),
           sample=("image", "landscape", "JPEG"), age_days=90,
           purpose="三峡风光摄影，用于旅游宣传。", process="2026 年夏乘船拍摄多幅后拼接而成。",
           originality="拍摄位置与拼接构图为作者独立选择。"),
    _story(key="submitted_stove", applicant="person", category="written", title="外婆的灶台",
           start=1, steps=(("create", 0), ("submit", 0)), authors=(("李明华", "明华"),), owners=(LI_MINGHUA,),
           sample=("text", "外婆的灶台是用青砖砌的，灶膛里的火光映红了我整个童年的冬天……"), age_days=40,
           purpose="散文，投稿文学期刊。", process="2026 年秋写成。", originality="作者独立写作。"),
    _story(key="accepted_choir", applicant="company", category="music", title="星河少儿合唱曲集",
           start=3, steps=(("create", 0), ("submit", 0), ("accept", 2, "reviewer2")),
           creation_mode="employment", authors=(("陈雨桐", "陈雨桐"),), owners=(XINGHE,),
           sample=("wav", CHILD_TUNE), age_days=100,
           purpose="少儿合唱教学用曲集。", process="2026 年由公司音乐部创作。", originality="旋律与和声编配为原创。"),
    _story(key="overdue_bridge", applicant="agent", category="fine_art", title="长征路上的红军桥",
           start=34, steps=(("create", 0), ("submit", 0), ("accept", 2, "reviewer1"),
                            ("assign", 3, "special"), ("review", 4, "special")),
           authors=(("罗文", "罗文"),), owners=(LUO_WEN,), sample=("image", "landscape", "PNG"), age_days=200,
           purpose="革命历史题材油画，参加纪念展。", process="2025 年赴泸定实地写生后创作。",
           originality="构图与色彩处理为作者独立创作。"),
    _story(key="special_redboat", applicant="company", category="fine_art", title="百年征程·红船启航",
           start=14, steps=(("create", 0), ("submit", 0), ("accept", 2, "reviewer2"),
                            ("special", 2, "reviewer2", "作品表现建党历史，属重大革命历史题材，需专项复审。"),
                            ("review", 3, "reviewer2"),
                            ("approve", 8, "reviewer2", "材料齐全，作品具有独创性，同意登记，待专项复审组复审。")),
           creation_mode="employment", authors=(("白雨桐", "白雨桐"),), owners=(XINGHE,),
           sample=("image", "landscape", "PNG"), age_days=90,
           purpose="重大革命历史题材油画，用于主题展览。", process="2026 年由公司美术部创作。",
           originality="构图与色彩处理为作者独立创作。"),
    _story(key="overdue_fog", applicant="person", category="photography", title="山城夜雾",
           start=30, steps=(("create", 0), ("submit", 0), ("accept", 2, "reviewer2"), ("review", 3, "reviewer2")),
           authors=(("李明华", "明华"),), owners=(LI_MINGHUA,), sample=("image", "landscape", "JPEG"), age_days=120,
           purpose="城市夜景摄影。", process="2026 年春在重庆拍摄。", originality="取景与曝光选择体现作者个性。"),
    _story(key="soon_theme", applicant="company", category="music", title="小熊猫滚滚主题曲",
           start=24, steps=(("create", 0), ("submit", 0), ("accept", 2, "reviewer1"), ("review", 3, "reviewer1")),
           creation_mode="employment", authors=(("陈雨桐", "陈雨桐"),), owners=(XINGHE,),
           sample=("wav", SPRING_TUNE), age_days=80,
           purpose="动画片主题曲。", process="2026 年夏创作。", originality="旋律为原创。"),
    _story(key="soon_watch", applicant="agent", category="design_drawing", title="智能手表表盘设计图",
           start=25, steps=(("create", 0), ("submit", 0), ("accept", 1, "reviewer2"), ("review", 2, "reviewer2")),
           creation_mode="employment", published=False, authors=(("罗文", "罗文"),), owners=(WEIGUANG,),
           sample=("image", "blueprint", "PNG"), age_days=70,
           purpose="智能手表表盘产品设计。", process="2026 年完成。", originality="表盘布局与图形为独立设计。"),
    _story(key="review_autumn", applicant="person", category="fine_art", title="秋日私语",
           start=9, steps=(("create", 0), ("submit", 0), ("accept", 2, "reviewer1"), ("review", 3, "reviewer1")),
           authors=(("李明华", "明华"),), owners=(LI_MINGHUA,), sample=("image", "abstract", "PNG"), age_days=50,
           purpose="抽象油画，参加画廊联展。", process="2026 年秋创作。", originality="色彩与构成为作者独创。"),
    _story(key="correction_garden", applicant="agent", category="map", title="苏州园林导览图",
           start=16, steps=(("create", 0), ("submit", 0), ("accept", 2, "reviewer2"), ("review", 3, "reviewer2"),
                            ("correct", 7, "reviewer2", "请在样本中补充图例说明，并提供著作权人营业执照复印件。")),
           creation_mode="legal_person", authors=(("苏州园林文化发展有限公司", "苏园文化"),), owners=(SU_GARDEN,),
           sample=("image", "map", "PNG"), age_days=150,
           purpose="园林游览导览图。", process="2026 年组织编绘。", originality="线路与图例设计具有独创性。"),
    _story(key="resubmitted_book", applicant="company", category="fine_art", title="星河童话绘本·月亮船",
           start=22, steps=(("create", 0), ("submit", 0), ("accept", 1, "reviewer1"), ("review", 2, "reviewer1"),
                            ("correct", 6, "reviewer1", "绘本共 24 幅，样本仅有封面，请补充全部内页样本。"),
                            ("resubmit", 15, "已补充内页样本（演示数据仅附一幅）。")),
           creation_mode="employment", authors=(("白雨桐", "白雨桐"),), owners=(XINGHE,),
           sample=("image", "portrait", "PNG"), age_days=110,
           purpose="儿童绘本出版。", process="2026 年由公司插画师创作。", originality="画面与角色造型为原创。"),
    _story(key="rejected_knot", applicant="agent", category="fine_art", title="中国结",
           start=20, steps=(("create", 0), ("submit", 0), ("accept", 2, "reviewer2"), ("review", 3, "reviewer2"),
                            ("reject", 8, "reviewer2",
                             "样本为传统中国结的通用编结图案，未体现作者的独创性表达，不属于著作权法意义上的作品，不予登记。")),
           authors=(("韩雪", "韩雪"),), owners=(HAN_XUE,), sample=("image", "abstract", "PNG"), age_days=100,
           purpose="装饰图案。", process="2026 年绘制。", originality="采用传统中国结图案。"),
    _story(key="withdrawn_tea", applicant="person", category="photography", title="茶园晨雾",
           start=14, steps=(("create", 0), ("submit", 0), ("accept", 2, "reviewer1"),
                            ("withdraw", 5, "作品拟参加摄影比赛，比赛要求作品未经登记，先撤回申请。")),
           authors=(("李明华", "明华"),), owners=(LI_MINGHUA,), sample=("image", "landscape", "JPEG"), age_days=60,
           purpose="风光摄影。", process="2026 年春在武夷山拍摄。", originality="取景与光线选择体现作者个性。"),
    # The brand-logo check stops this one at acceptance: its poster copies a protected demo mark.
    _story(key="intercepted_poster", applicant="agent", category="fine_art", title="星空主题潮流海报",
           start=4, steps=(("create", 0), ("submit", 0), ("accept", 1, "reviewer1"), ("logo_check", 1)),
           authors=(("韩雪", "韩雪"),), owners=(HAN_XUE,), sample=("logo_copy", "天穹星标", "abstract"),
           age_days=30, purpose="潮流服饰印花图案。", process="2026 年绘制。", originality="星空主题构图。"),
)

STORIES: tuple[Story, ...] = REGISTERED + QUEUE
