from django.db import migrations

# The default categories; offices import their own terms (there is no starter lexicon).
CATEGORIES = [
    ("政治", False, "危害国家安全、损害国家荣誉和利益等政治类内容。"),
    ("色情", False, "淫秽、色情内容。"),
    ("暴力", False, "暴力、恐怖、血腥内容。"),
    ("辱骂", False, "侮辱、诽谤他人的用语。"),
    ("违法广告", False, "虚假宣传、违法推广等广告用语。"),
    ("违禁品", False, "毒品、枪支等违禁物品。"),
    ("品牌", False, "他人注册商标、知名品牌名称，需核实权属。"),
    ("重大题材", True, "重大革命和历史题材等，命中的申请转专项审查组审查。"),
    ("未分类", False, "导入时未写类别的词条。"),
]


def seed(apps, schema_editor):
    Category = apps.get_model("lexicon", "Category")
    VersionCounter = apps.get_model("lexicon", "VersionCounter")
    Category.objects.bulk_create(
        [Category(name=name, major_topic=major, description=text, position=(i + 1) * 10)
         for i, (name, major, text) in enumerate(CATEGORIES)],
        ignore_conflicts=True,
    )
    VersionCounter.objects.bulk_create([VersionCounter(pk=1, last=0)], ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("lexicon", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
