#!/usr/bin/env python3
"""A B A B of the login path (usage: login-ab.py A.jar B.jar JAVA N): for each jar, start it on a fresh embedded database (demo admin), then
N right-password logins and N wrong-password logins (unknown users from one address: the failure path),
measuring the service's CPU (utime+stime of its process tree) per login."""
import http.client, json, os, subprocess, sys, time, shutil, tempfile

def cpu_ticks(pid):
    total = 0
    for p in [pid] + children(pid):
        try:
            f = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
            total += int(f[11]) + int(f[12])
        except FileNotFoundError:
            pass
    return total

def children(pid):
    out = []
    try:
        for c in open(f"/proc/{pid}/task/{pid}/children").read().split():
            out.append(int(c)); out += children(int(c))
    except FileNotFoundError:
        pass
    return out

def post(port, body):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("POST", "/api/auth/login", json.dumps(body), {"Content-Type": "application/json", "Host": "localhost"})
    r = c.getresponse(); r.read(); c.close(); return r.status

def run(jar, java, n, port):
    data = tempfile.mkdtemp()
    env = dict(os.environ)
    proc = subprocess.Popen([java, "-jar", jar, f"--server.port={port}", f"--sms.embedded-db.data-dir={data}/pg",
                             "--sms.security.failed-login-duration=0ms",
                             "--sms.security.login-throttle.max-failures-per-address=100000",
                             "--sms.security.login-throttle.max-failures-per-username=100000",
                             "--sms.security.login-throttle.max-failures-per-username-all-addresses=100000"],
                            stdout=open(f"{data}/log", "w"), stderr=subprocess.STDOUT)
    try:
        for _ in range(240):
            try:
                if post(port, {"username": "admin", "password": "password123"}) == 200: break
            except OSError:
                pass
            time.sleep(0.5)
        for _ in range(30):  # warm-up
            post(port, {"username": "admin", "password": "password123"}); post(port, {"username": "x", "password": "y"})
        t0 = cpu_ticks(proc.pid); w0 = time.time()
        ok = sum(post(port, {"username": "admin", "password": "password123"}) == 200 for _ in range(n))
        t1 = cpu_ticks(proc.pid)
        bad = sum(post(port, {"username": f"nobody{i}", "password": "wrong"}) == 401 for i in range(n))
        t2 = cpu_ticks(proc.pid)
        hz = os.sysconf("SC_CLK_TCK")
        return ok, bad, (t1 - t0) * 1000 / hz / n, (t2 - t1) * 1000 / hz / n
    finally:
        proc.terminate(); proc.wait(60); shutil.rmtree(data, ignore_errors=True)

if __name__ == "__main__":
    a, b, java, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    for label, jar in [("A1", a), ("B1", b), ("A2", a), ("B2", b)]:
        ok, bad, success_ms, failure_ms = run(jar, java, n, 18080)
        print(f"{label} {os.path.basename(jar)}: {ok} right ({success_ms:.2f} ms CPU each), {bad} wrong ({failure_ms:.2f} ms CPU each)", flush=True)
