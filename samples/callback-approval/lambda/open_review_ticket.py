#!/usr/bin/env python3
"""Local stand-in for the Lambda function pipelinestudio-open-review-ticket.

The studio runs it for the OpenReviewTicket step (appsettings.json, Engine:Lambda): the step's
Arguments arrive as a JSON object on stdin, and the JSON object printed on stdout becomes the step's
OutputParameters. On AWS the same contract is a Lambda handler returning that object.
"""
import hashlib
import json
import sys


def main():
    event = json.load(sys.stdin)
    execution = str(event.get("execution_arn", ""))
    revenue = float(event.get("revenue") or 0)
    ticket = "REV-" + hashlib.sha256(execution.encode()).hexdigest()[:6].upper()
    json.dump({"ticket_id": ticket, "priority": 1 if revenue >= 100000 else 2}, sys.stdout)


if __name__ == "__main__":
    main()
