"""The SMS flow for people who run Locust (works with Debian's python3-locust 2.12).

Same flow, names and mix as the Gatling scenario (loadtest/src/main/java/.../SmsFlowSimulation.java):
each user logs in once, then loops: register customer -> issue token -> register template -> send SMS
-> think -> fetch history -> wait. NormalUser (weight 4, think 2-5 s) and HeavyUser (weight 1, think
1-2 s, three sends with history after each per registered customer).

One machine:
    locust -f loadtest/locust/locustfile.py --headless --users 10 --spawn-rate 2 --run-time 60s \
        --host http://127.0.0.1:8080 --csv results/seed

Beyond one machine (Locust's distributed mode; workers on other hosts point --master-host at the master):
    locust -f loadtest/locust/locustfile.py --master --headless --expect-workers 4 \
        --users 1000 --spawn-rate 50 --run-time 10m --host http://SERVICE:8080 --csv results/dist
    locust -f loadtest/locust/locustfile.py --worker --master-host MASTER_HOST     # once per worker process

Credentials come from SMS_USERNAME / SMS_PASSWORD (default: the demo admin).
"""

import json
import os
import random

from locust import HttpUser, between, task

USERNAME = os.environ.get("SMS_USERNAME", "admin")
PASSWORD = os.environ.get("SMS_PASSWORD", "password123")
REFERER = "http://localhost:3000"


class FlowFailed(Exception):
    """A step failed: the iteration ends here (it is already counted as a failure)."""


class SmsUser(HttpUser):
    abstract = True
    sends_per_customer = 1
    think = (2, 5)
    loop_wait = float(os.environ.get("SMS_LOOP_WAIT", "1"))

    def wait_time(self):
        return self.loop_wait

    def on_start(self):
        res = self.client.post(
            "/api/auth/login",
            json={"username": USERNAME, "password": PASSWORD},
            headers={"Referer": REFERER},
            name="/api/auth/login",
        )
        # login() rotates the token and sets the cookie in this very response.
        self.csrf = res.cookies.get("csrftoken")
        if res.status_code != 200 or not self.csrf:
            raise RuntimeError(f"login failed: {res.status_code} {res.text[:200]}")

    def _post(self, path, body, name, expected):
        with self.client.post(
            path,
            data=json.dumps(body),
            headers={"Content-Type": "application/json", "X-CSRFToken": self.csrf, "Referer": REFERER},
            name=name,
            catch_response=True,
        ) as res:
            if res.status_code != expected:
                res.failure(f"{res.status_code}: {res.text[:200]}")
                raise FlowFailed()
            return res.json()

    def _history(self):
        with self.client.get(
            "/api/sms/history", headers={"Referer": REFERER}, name="/api/sms/history", catch_response=True
        ) as res:
            if res.status_code != 200:
                res.failure(f"{res.status_code}: {res.text[:200]}")
                raise FlowFailed()

    @task
    def flow(self):
        try:
            phone = "0901%07d" % random.randrange(10_000_000)
            customer = self._post(
                "/api/customers", {"phone_number": phone, "name": "山田太郎"}, "/api/customers", 201
            )["id"]
            template = None
            for i in range(self.sends_per_customer):
                token = self._post("/api/tokens", {"customer_id": customer}, "/api/tokens", 201)["token"]
                if template is None:
                    template = self._post(
                        f"/api/customers/{customer}/templates",
                        {"name": "welcome_message", "content": "{{customer_name}}様、ご登録ありがとうございます。"},
                        "/api/customers/[id]/templates",
                        201,
                    )["id"]
                self._post(
                    "/api/sms/send",
                    {"phone_number": phone, "token": token, "customer_id": customer, "template_id": template},
                    "/api/sms/send",
                    202,
                )
                self._sleep(*self.think)
                self._history()
        except FlowFailed:
            pass

    def _sleep(self, low, high):
        import gevent

        gevent.sleep(random.uniform(low, high))


class NormalUser(SmsUser):
    weight = 4
    think = (2, 5)


class HeavyUser(SmsUser):
    weight = 1
    think = (1, 2)
    sends_per_customer = 3
