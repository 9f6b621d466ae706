"""``{% logo_check app %}``: the brand-logo check inside the reviewer's application page."""

from django import template

from banquan.logos import views

register = template.Library()


@register.inclusion_tag("logos/_panel.html", takes_context=True)
def logo_check(context, app) -> dict:
    return {**views.panel_context(app, context.get("user")), "request": context.get("request")}
