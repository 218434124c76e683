#!/usr/bin/env python3
"""A fault-injecting HTTP/1.1 proxy for the sync tests (Python 3 standard library only).

Sits between desa-kiosk and desa-hub on 127.0.0.1 and breaks requests the way village networks
do. Faults come from a plan file read as a queue: each line is `FAULT [PATH_PREFIX]`; the next
request whose path starts with PATH_PREFIX (any path when left out) gets FAULT and the line is
consumed. Requests that do not match the head of the queue, or arrive when it is empty, pass.
The test can append lines at any time.

Faults:
  pass           forward the request, return the answer unchanged
  reset_request  read the request, close without forwarding it (dropped while sending)
  drop_mid_body  forward it (the hub acts on it), send the headers and half the body, close
  truncate       forward it, return a well-formed answer whose body is cut to half
  503            answer 503 with Retry-After: 1 without forwarding
  500            answer 500 without forwarding
  stall          forward it, send the headers and a few bytes of body, then go silent
  portal         answer 200 with a captive portal's HTML login page without forwarding

One request per connection (answers carry Connection: close). Every request is logged to
--log as `index method path fault bytes_to_client` so tests can count re-sent bytes.

usage: fault_proxy.py --upstream HOST:PORT --plan FILE --log FILE [--stall-seconds N]
Prints "listening on 127.0.0.1:PORT" once ready.
"""
import argparse
import socket
import sys
import threading
import time

PORTAL = (b"<!DOCTYPE html><html><head><title>Login WiFi Desa</title></head>"
          b"<body><form action='/login'>Masukkan voucher</form></body></html>")


class Plan:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.count = 0

    def next_fault(self, request_path):
        with self.lock:
            self.count += 1
            index = self.count
            try:
                with open(self.path) as f:
                    lines = [l.strip() for l in f if l.strip()]
            except FileNotFoundError:
                lines = []
            fault = "pass"
            if lines:
                parts = lines[0].split()
                prefix = parts[1] if len(parts) > 1 else ""
                if request_path.startswith(prefix):
                    fault = parts[0]
                    with open(self.path, "w") as f:
                        f.write("".join(l + "\n" for l in lines[1:]))
            return index, fault


def read_message(sock):
    """One HTTP message (headers + Content-Length body); None if the peer closed first."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
        if len(data) > 1 << 20:
            return None
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head, body


def with_connection_close(head):
    lines = [l for l in head.split(b"\r\n")
             if l.split(b":")[0].strip().lower() not in (b"connection", b"keep-alive")]
    return b"\r\n".join(lines + [b"Connection: close"])


def forward(upstream, head, body):
    host, port = upstream.rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=60) as up:
        up.sendall(with_connection_close(head) + b"\r\n\r\n" + body)
        answer = b""
        while True:
            chunk = up.recv(65536)
            if not chunk:
                break
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return with_connection_close(head), body


def set_length(head, length):
    lines = [l for l in head.split(b"\r\n") if l.split(b":")[0].strip().lower() != b"content-length"]
    return b"\r\n".join(lines + [b"Content-Length: " + str(length).encode()])


def simple(status, reason, extra, body, ctype=b"application/json"):
    head = (b"HTTP/1.1 " + status + b" " + reason + b"\r\nContent-Type: " + ctype + b"\r\n" + extra +
            b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close")
    return head, body


def serve(client, args, plan, log, log_lock):
    try:
        client.settimeout(120)
        message = read_message(client)
        if message is None:
            return
        head, body = message
        request_line = head.split(b"\r\n")[0].decode("latin-1")
        method, path = request_line.split(" ")[0], request_line.split(" ")[1]
        index, fault = plan.next_fault(path)
        sent = 0
        if fault == "reset_request":
            pass
        elif fault in ("503", "500", "portal"):
            if fault == "503":
                h, b = simple(b"503", b"Service Unavailable", b"Retry-After: 1\r\n", b'{"error":"busy"}')
            elif fault == "500":
                h, b = simple(b"500", b"Internal Server Error", b"", b'{"error":"internal"}')
            else:
                h, b = simple(b"200", b"OK", b"Cache-Control: no-store\r\n", PORTAL, b"text/html; charset=utf-8")
            client.sendall(h + b"\r\n\r\n" + b)
            sent = len(h) + 4 + len(b)
        else:
            rhead, rbody = forward(args.upstream, head, body)
            if fault == "drop_mid_body":
                out = rhead + b"\r\n\r\n" + rbody[: len(rbody) // 2]
            elif fault == "truncate":
                cut = rbody[: len(rbody) // 2]
                out = set_length(rhead, len(cut)) + b"\r\n\r\n" + cut
            elif fault == "stall":
                out = rhead + b"\r\n\r\n" + rbody[:10]
            else:
                out = rhead + b"\r\n\r\n" + rbody
            client.sendall(out)
            sent = len(out)
            if fault == "stall":
                time.sleep(args.stall_seconds)
        with log_lock:
            log.write(f"{index} {method} {path} {fault} {sent}\n")
            log.flush()
    except OSError:
        pass
    finally:
        try:
            client.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        client.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--upstream", required=True)
    p.add_argument("--plan", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--stall-seconds", type=float, default=45)
    args = p.parse_args()
    plan = Plan(args.plan)
    log = open(args.log, "a")
    log_lock = threading.Lock()
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    print(f"listening on 127.0.0.1:{server.getsockname()[1]}", flush=True)
    while True:
        client, _ = server.accept()
        threading.Thread(target=serve, args=(client, args, plan, log, log_lock), daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
