"""In the browser: an anonymous visitor asks 智能客服 a question and gets an answer citing the
knowledge base, then asks for a person; a registrar takes the conversation in the inbox and
replies, and the reply appears on the visitor's page without a reload (htmx polling)."""

import importlib
import re

import pytest
from playwright.sync_api import expect

from banquan.testing import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = "/tmp/e2e-assistant"


@pytest.fixture
def shipped_articles(transactional_db):
    """The knowledge base as the data migration loads it: a transactional test run before this
    one flushes the tables, migration data included (serialized_rollback trips over content
    types). The migration's loader skips articles already there."""
    from django.apps import apps

    importlib.import_module("banquan.assistant.migrations.0002_shipped_articles").load(apps, None)


def test_a_visitor_is_answered_then_handed_over_to_a_registrar(browser_page, live_server, shipped_articles):
    page, base = browser_page, live_server.url
    agent_user = factories.UserFactory(role="registrar", is_staff=True, username="zhou")

    # The anonymous visitor opens 智能客服 from the header and asks a question.
    page.goto(base)
    page.click("header nav a:has-text('智能客服')")
    page.wait_for_url(re.compile(r"/assistant/$"))
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads
    page.fill("#question", "证书丢了怎么办？")
    page.click("#ask-form button[type=submit]")
    answer = page.locator("#messages .chat-assistant").first
    expect(answer).to_be_visible()
    expect(page.locator("#messages .chat-user")).to_contain_text("证书丢了怎么办？")
    assert "补发" in answer.locator(".chat-text").inner_text()
    expect(page.locator("#question")).to_have_value("")  # the form is reset for the next question
    sources = answer.locator(".chat-sources a")
    assert sources.count() >= 1
    first_source = sources.first.inner_text()
    assert "补发" in first_source
    page.screenshot(path=f"{SCREENSHOTS}-answer.png", full_page=True)

    # The cited source opens the knowledge-base article at the cited section.
    with page.context.expect_page() as opened:
        sources.first.click()
    article = opened.value
    article.wait_for_load_state()
    assert re.search(r"/assistant/articles/[\w-]+/#s\d+$", article.url)
    anchor = article.url.rsplit("#", 1)[1]
    title, heading = (first_source.split(" · ", 1) + [""])[:2]
    expect(article.locator("main h1")).to_have_text(title)
    expect(article.locator(f"section#{anchor} h2")).to_have_text(heading)
    article.screenshot(path=f"{SCREENSHOTS}-article.png", full_page=True)
    article.close()

    # The visitor asks for a person in the same box; the page says the conversation waits.
    page.fill("#question", "转人工")
    page.click("#ask-form button[type=submit]")
    expect(page.locator("#chat-state .badge")).to_have_attribute("data-state", "waiting")
    expect(page.locator("#messages .chat-system")).to_contain_text("人工客服")

    # A registrar, in a browser of their own, finds the conversation in the inbox and replies.
    agent_context = page.context.browser.new_context(locale="zh-CN")
    agent = agent_context.new_page()
    agent.set_default_timeout(20_000)
    agent.goto(f"{base}/accounts/login/")
    agent.fill("#id_username", "zhou")
    agent.fill("#id_password", factories.PASSWORD)
    agent.click("button[type=submit]")
    agent.wait_for_url(re.compile(r"^(?!.*login).*$"))
    agent.goto(f"{base}/assistant/inbox/")
    row = agent.locator("#inbox tr", has_text="访客")
    expect(row).to_have_count(1)
    expect(row.locator(".badge")).to_have_text("等待人工")
    agent.screenshot(path=f"{SCREENSHOTS}-inbox.png", full_page=True)
    row.locator("a").click()
    expect(agent.locator("#messages")).to_contain_text("证书丢了怎么办？")
    expect(agent.locator("main ul.messages")).to_have_count(0)  # no stray notice list
    agent.click("#claim")
    expect(agent.locator("#claim")).to_have_count(0)
    expect(agent.locator("main")).to_contain_text(f"客服人员：{agent_user}")
    reply = "您好，证书遗失可以在“登记后业务”中申请补发，补发证书与原证书具有同等效力。"
    agent.fill("#reply-text", reply)
    agent.click("#send-reply")
    expect(agent.locator("#messages .chat-agent")).to_contain_text(reply)
    agent.screenshot(path=f"{SCREENSHOTS}-agent.png", full_page=True)
    agent_context.close()

    # The visitor's page shows the reply by itself, the same document, within a few polls.
    agent_message = page.locator("#messages .chat-agent")
    expect(agent_message).to_contain_text(reply, timeout=15_000)
    expect(agent_message.locator(".chat-who")).to_contain_text(str(agent_user))
    expect(page.locator("#chat-state .badge")).to_have_attribute("data-state", "agent")
    assert page.evaluate("window.__sameDocument") is True
    page.screenshot(path=f"{SCREENSHOTS}-reply.png", full_page=True)

    # Coming back later, the visitor finds the whole conversation, each message once.
    page.reload()
    expect(page.locator("#messages .chat-msg")).to_have_count(5)
    expect(page.locator("main ul.messages")).to_have_count(0)
