"""Made-up but well-formed people and organisations for demo data (no database).

Identity numbers carry correct check characters (GB 11643 for 居民身份证, GB 32100 and
GB 11714 for 统一社会信用代码), so the demo passes the same checks real input does. They are
generated, not real: the sequence digits are random, and nobody is meant by them.
"""

import datetime as dt
import random
from dataclasses import dataclass

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class Place:
    division: str  # 6-digit administrative division code (GB/T 2260)
    province: str
    city: str
    district: str


# Real division codes, so the first six digits of an ID number name a real district.
PLACES: tuple[Place, ...] = (
    Place("110105", "北京市", "北京市", "朝阳区"),
    Place("110108", "北京市", "北京市", "海淀区"),
    Place("110101", "北京市", "北京市", "东城区"),
    Place("310104", "上海市", "上海市", "徐汇区"),
    Place("310115", "上海市", "上海市", "浦东新区"),
    Place("440305", "广东省", "深圳市", "南山区"),
    Place("440106", "广东省", "广州市", "天河区"),
    Place("330106", "浙江省", "杭州市", "西湖区"),
    Place("320102", "江苏省", "南京市", "玄武区"),
    Place("510107", "四川省", "成都市", "武侯区"),
    Place("420106", "湖北省", "武汉市", "武昌区"),
    Place("610113", "陕西省", "西安市", "雁塔区"),
    Place("370202", "山东省", "青岛市", "市南区"),
    Place("430104", "湖南省", "长沙市", "岳麓区"),
    Place("530102", "云南省", "昆明市", "五华区"),
    Place("350203", "福建省", "厦门市", "思明区"),
    Place("320508", "江苏省", "苏州市", "姑苏区"),
)
PLACE_BY_CITY = {p.district: p for p in PLACES}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰晓燕文博思雨欣然子涵浩宇梓轩一诺雨桐嘉怡俊杰婷婷海燕春晖立新振华佳琪晨阳"
STREETS = ("建国路", "中关村大街", "长安街", "淮海中路", "南京西路", "深南大道", "天河路", "文三路",
           "中山路", "人民南路", "解放大道", "长安南路", "香港中路", "麓山南路", "东风西路", "鹭江道",
           "人民路")


def resident_id(place: Place, birthday: dt.date, sequence: int) -> str:
    """A 居民身份证 number: division + birthday + 3-digit sequence (odd = male) + check."""
    body = f"{place.division}{birthday:%Y%m%d}{sequence % 1000:03d}"
    return body + _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def uscc(place: Place, org_body: str, *, registry: str = "9", kind: str = "1") -> str:
    """A 统一社会信用代码: registry (9 = market regulation) + kind (1 = enterprise) + division +
    9-character organisation code (8 characters and their GB 11714 check) + check character."""
    if len(org_body) != 8 or not org_body.isdigit():
        raise ValueError("organisation code body must be 8 digits")
    org_check = 11 - sum(int(d) * w for d, w in zip(org_body, _ORG_WEIGHTS, strict=True)) % 11
    org_code = org_body + {10: "X", 11: "0"}.get(org_check, str(org_check))
    if "X" in org_code:
        # X is not in the USCC alphabet; such organisation codes were never issued inside a USCC.
        raise ValueError("organisation code with check X cannot appear in a USCC")
    body = f"{registry}{kind}{place.division}{org_code}"
    total = sum(_USCC_ALPHABET.index(ch) * w for ch, w in zip(body, _USCC_WEIGHTS, strict=True))
    return body + _USCC_ALPHABET[(31 - total % 31) % 31]


def random_uscc(rng: random.Random, place: Place, *, registry: str = "9", kind: str = "1") -> str:
    while True:
        try:
            return uscc(place, f"{rng.randrange(10**8):08d}", registry=registry, kind=kind)
        except ValueError:
            continue  # about one body in eleven has check X; draw again


def random_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def random_person(rng: random.Random, name: str | None = None) -> dict:
    """An Owner row (as the services take it) for a natural person."""
    place = rng.choice(PLACES)
    birthday = dt.date(1955, 1, 1) + dt.timedelta(days=rng.randrange(365 * 47))
    return person_owner(name or random_name(rng), place, birthday, rng.randrange(1000), rng)


def person_owner(name: str, place: Place, birthday: dt.date, sequence: int,
                 rng: random.Random | None = None) -> dict:
    number = rng.randrange(1, 300) if rng else (sequence % 200) + 1
    return {
        "kind": "person", "name": name, "id_type": "resident_id",
        "id_number": resident_id(place, birthday, sequence), "nationality": "中国",
        "province": place.province, "city": place.city,
        "address": f"{place.city}{place.district}{STREETS[PLACES.index(place)]}{number}号",
    }


def org_owner(name: str, place: Place, code: str, kind: str = "enterprise") -> dict:
    return {
        "kind": kind, "name": name, "id_type": "uscc", "id_number": code, "nationality": "中国",
        "province": place.province, "city": place.city,
        "address": f"{place.city}{place.district}{STREETS[PLACES.index(place)]}88号",
    }
