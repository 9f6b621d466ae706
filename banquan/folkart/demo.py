"""Licheng-flavoured demo data (历城区, Jinan): library items, service stations, two policy
articles, one pre-registration waiting for review and one converted into a formal application.

Inheritor names are fictional; the stations and their coordinates are examples placed in the
district (~36.68°N, 117.06°E), not real offices. The articles summarise national rules in our
own words."""

import io

from PIL import Image

from banquan.accounts.models import User
from banquan.folkart import content, convert, media, services

REGION = {"province": "山东省", "city": "济南市", "district": "历城区"}

PAPER_CUT = {
    "name": "历城剪纸", "category": "paper_cutting", "community": "历城区某街道剪纸协会（示例）",
    "description": "以红纸为主，用剪刀和刻刀剪刻窗花、门笺、喜花和花鸟鱼虫，线条粗放，构图饱满。",
    "history": "济南乡间逢年过节、婚嫁喜庆有贴窗花、挂门笺的习俗，剪纸手艺多在家族和邻里间口传手授。",
}
YANGGE = {
    "name": "鼓子秧歌", "category": "dance", "community": "历城区某村秧歌队（示例）",
    "description": "济南北部（商河、历城一带）流行的大型广场民间舞蹈，表演者分执伞、鼓、棒等角色，队形变化多。",
    "history": "春节前后村里组织排练和巡演，动作和场图由老艺人带领年轻人一代代传下来。",
}
STORIES = {
    "name": "华山脚下的民间故事", "category": "literature", "community": "历城区某社区老年协会（示例）",
    "description": "收集整理的地方传说和故事十余则，由社区老人讲述、志愿者记录成文。",
    "history": "故事在当地长辈中口耳相传，2020 年起社区开始系统记录。",
}
MIANSU = {
    "name": "面塑", "category": "craft", "community": "历城区民间手艺人（示例）",
    "description": "以面粉、糯米粉加颜料揉成彩色面团，捏塑人物、花卉和花饽饽，用于节令和祝寿。",
    "history": "旧时多用于祭祀和节庆供品，今多作为工艺品和民俗展示。",
}

STATIONS = [
    {"name": "历城区民间文艺版权服务站（示例·区文化馆）", "address": "济南市历城区文化馆一楼服务窗口（示例地址）",
     "phone": "0531-0000 0001", "hours": "周一至周五 9:00–17:00", "latitude": "36.680600", "longitude": "117.065200",
     "services": "民间文艺预登记咨询\n作品登记材料代收\n版权政策宣讲"},
    {"name": "港沟街道服务点（示例）", "address": "济南市历城区港沟街道综合文化站（示例地址）",
     "phone": "0531-0000 0002", "hours": "周二、周四 9:00–16:30", "latitude": "36.646300", "longitude": "117.177800",
     "services": "剪纸、面塑项目预登记\n图片拍摄指导"},
    {"name": "唐王街道服务点（示例）", "address": "济南市历城区唐王街道综合文化站（示例地址）",
     "phone": "0531-0000 0003", "hours": "每周三 9:00–12:00", "latitude": "36.823600", "longitude": "117.181300",
     "services": "秧歌、曲艺项目预登记\n音视频资料整理"},
]

COPYRIGHT_LAW = """《中华人民共和国著作权法》第三条把文学、艺术和科学领域内具有独创性、能以一定形式表现的智力成果列为作品，剪纸、秧歌、民间故事经整理、再创作后形成的具体表现形式，同样可以作为文字、舞蹈、美术等作品受到保护。

对于世代相传、作者难以确定的民间文学艺术作品本身，著作权法第六条规定其著作权保护办法由国务院另行规定。在专门办法出台之前，整理者对其整理作品中付出的独创性劳动享有著作权，但不能阻止他人对同一民间文艺素材进行独立整理和创作。

因此，申报民间文艺项目时宜写清楚：哪些内容来自传统，哪些是本人或本团体的整理、改编和创新。预登记记录的这些事实，在转为正式作品登记时可以直接使用。"""

REGISTRATION_RULES = """《作品自愿登记试行办法》确立了作品登记“自愿”的原则：作品不论是否登记，作者或其他著作权人依法取得的著作权不受影响。登记的作用在于维护著作权人的合法权益、为解决著作权纠纷提供初步证据。

作品登记由国家版权主管部门指定的登记机构办理，各省、自治区、直辖市版权局负责本辖区作者或著作权人的作品登记。申请人通常需要提交作品登记申请表、身份证明、权利归属证明以及作品的样本。

登记机构审查后，对符合条件的作品发给登记证书；申请人提供虚假材料的，登记可以被撤销。民间文艺项目的权利人可以先在本平台进行预登记，经审核入库后再转为正式的作品登记申请。"""


def _png(seed: int) -> tuple[str, bytes]:
    buf = io.BytesIO()
    Image.new("RGB", (96, 72), (180 + seed * 10, 20 + seed * 15, 30)).save(buf, "PNG")
    return f"demo-{seed}.png", buf.getvalue()


def play(users: dict[str, User]) -> None:
    applicant, group, reviewer, registrar = users["person"], users["company"], users["reviewer1"], users["registrar"]
    for values in STATIONS:
        content.save_station(editor=registrar, values=values)
    content.save_policy(editor=registrar, kind="law", title="著作权法与民间文学艺术作品的保护", body=COPYRIGHT_LAW,
                        source="《中华人民共和国著作权法》（要点摘述）", publish=True)
    content.save_policy(editor=registrar, kind="reading", title="解读《作品自愿登记试行办法》", body=REGISTRATION_RULES,
                        source="国家版权局《作品自愿登记试行办法》（要点摘述）", publish=True)
    services.add_to_library(editor=registrar, values={**REGION, **MIANSU},
                            inheritors=[{"name": "郑桂香（虚构）", "level": "county", "generation": 3}])

    yangge = services.file(applicant=group, values={**REGION, **YANGGE}, inheritors=[
        {"name": "孟德山（虚构）", "level": "municipal", "generation": 5},
        {"name": "孟庆军（虚构）", "level": "none", "generation": 6}])
    _add(group, yangge.pk, 1)
    services.decide(officer=reviewer, item_id=yangge.pk, decision="accept", reason="材料齐全，准予入库。")

    paper = services.file(applicant=applicant, values={**REGION, **PAPER_CUT},
                          inheritors=[{"name": "韩秀英（虚构）", "level": "county", "generation": 4}])
    _add(applicant, paper.pk, 2)
    services.decide(officer=reviewer, item_id=paper.pk, decision="accept", reason="准予入库。")
    convert.convert(applicant=applicant, item_id=paper.pk)

    services.file(applicant=applicant, values={**REGION, **STORIES}, inheritors=[])  # waits for review


def _add(user: User, item_id: int, seed: int) -> None:
    name, data = _png(seed)
    media.add(user=user, item_id=item_id, name=name, file=io.BytesIO(data), size=len(data), caption="示例图片")
