"""``{% applicant_suggestions app %}`` and ``{% review_suggestions app %}``: the suggestion
panels inside the applicant's form page and the reviewer's application page."""

from django import template

from banquan.suggestions import presentation

register = template.Library()


@register.inclusion_tag("suggestions/_applicant_panel.html", takes_context=True)
def applicant_suggestions(context, app) -> dict:
    return {**presentation.applicant_context(app, context["user"]), "request": context.get("request"),
            "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("suggestions/_review_panel.html", takes_context=True)
def review_suggestions(context, app) -> dict:
    return {**presentation.review_context(app, context["user"]), "request": context.get("request"),
            "csrf_token": context.get("csrf_token")}
