"""``{% software_duplicates app %}``: the 代码比对 panel inside the reviewer's application page."""

from django import template

from banquan.software import review_panel

register = template.Library()


@register.inclusion_tag("software/_review_duplicates.html", takes_context=True)
def software_duplicates(context, app) -> dict:
    return {**review_panel.panel_context(app), "request": context.get("request"), "user": context.get("user")}
