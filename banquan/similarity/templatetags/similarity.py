"""``{% prior_works app %}``: the registered works like the application, inside the
reviewer's application page."""

from django import template

from banquan.similarity import views

register = template.Library()


@register.inclusion_tag("similarity/_panel.html", takes_context=True)
def prior_works(context, app) -> dict:
    return {**views.panel_context(app), "request": context.get("request"), "user": context.get("user")}
