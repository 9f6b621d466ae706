"""``{% screening_panel app %}``: the screening results inside the reviewer's application page."""

from django import template

from banquan.screening import views

register = template.Library()


@register.inclusion_tag("screening/_results.html", takes_context=True)
def screening_panel(context, app) -> dict:
    return {**views.panel_context(app), "request": context.get("request"), "user": context.get("user")}
