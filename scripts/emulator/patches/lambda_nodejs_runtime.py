"""Lambda Invoke runs a Node.js function's code, as AWS Lambda does.

AWS: invoking a function runs its handler in the runtime; for nodejs* the
runtime provides the AWS SDK v3 (`@aws-sdk/*`), and for inline code
(CloudFormation `Code.ZipFile`) the file is `index.js` and the `cfn-response`
module is available. The handler gets (event, context), context having
functionName, awsRequestId, logStreamName, getRemainingTimeInMillis() ...;
the run is bounded by the function's Timeout; its output goes to CloudWatch
Logs (/aws/lambda/<name>).

moto 5.2.1 (`LambdaFunction._invoke_lambda`) runs code only in Docker; with
no Docker the call fails ("error running docker") and a CloudFormation custom
resource backed by the function never answers. moto also stores inline
CloudFormation code as `index.py`, whatever the runtime.

Patch: wraps `_invoke_lambda` for functions whose runtime is nodejs* and whose
code moto holds (inline or zip): the code is unpacked into a temp dir (inline
code as index.js, plus AWS's `cfn-response` module), and the local `node`
imports the handler file and calls the handler with the event and a context.
Environment: the function's Variables, AWS_REGION, the AWS_LAMBDA_* set,
credentials of a session of the function's execution role (moto's STS maps them to the role's
account, so a function in another account acts in that account), AWS_ENDPOINT_URL=http://localhost:<this moto port>, and
NODE_PATH=<repo>/node_modules so `@aws-sdk/*` resolves as in the Lambda
runtime; `<bucket>.localhost` resolves to localhost, as AWS's DNS resolves
virtual-hosted S3 names, so SDK S3 calls work unchanged. Output is copied to moto's stderr and to moto's CloudWatch Logs.
Other runtimes keep moto's behaviour.

Only code a stack deployed: the emulator runs a function's code (with the local node, or
moto's Docker path for other runtimes) only if a CloudFormation stack of this emulator created
the function (AWS::Lambda::Function, marked while moto's CloudFormation create builds it; its
published versions carry the mark). Invoke of a function created directly through the Lambda
API (CreateFunction) is refused with `InvalidRuntimeException` (HTTP 502, as AWS answers for a
runtime it cannot run), naming the function; nothing is executed. The emulator exists to deploy
this project's templates: it is not a general code runner on the developer's machine.
"""
import functools
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import uuid
import zipfile
from pathlib import Path
from typing import Any

NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"

# AWS's cfn-response module for inline Node.js code (same interface).
CFN_RESPONSE_JS = r"""
exports.SUCCESS = "SUCCESS";
exports.FAILED = "FAILED";
exports.send = function (event, context, responseStatus, responseData, physicalResourceId, noEcho) {
  return new Promise((resolve) => {
    const body = JSON.stringify({
      Status: responseStatus,
      Reason: "See the details in CloudWatch Log Stream: " + context.logStreamName,
      PhysicalResourceId: physicalResourceId || context.logStreamName,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
      NoEcho: noEcho || false,
      Data: responseData,
    });
    const url = new URL(event.ResponseURL);
    const lib = url.protocol === "https:" ? require("https") : require("http");
    const req = lib.request(url, { method: "PUT", headers: { "content-type": "", "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => { context.done(); resolve(); });
    });
    req.on("error", (err) => { console.log("send(..) failed executing https.request(..): " + err); context.done(); resolve(); });
    req.write(body);
    req.end();
  });
};
"""

# Runs one invocation: imports the handler, calls it, writes the result file.
DRIVER_JS = r"""
const fs = require("fs"), path = require("path"), { pathToFileURL } = require("url");
const taskRoot = process.env.LAMBDA_TASK_ROOT;
const resultFile = process.env.__MOTO_RESULT_FILE;
const handlerSpec = process.env._HANDLER;
const deadline = Date.now() + Number(process.env.AWS_LAMBDA_FUNCTION_TIMEOUT) * 1000;
const write = (obj) => fs.writeFileSync(resultFile, JSON.stringify(obj === undefined ? null : obj));
const fail = (err) => {
  fs.writeFileSync(resultFile + ".error", "1");
  write({ errorType: (err && err.name) || "Error", errorMessage: (err && err.message) || String(err), trace: err && err.stack ? String(err.stack).split("\n") : [] });
};
(async () => {
  const dot = handlerSpec.lastIndexOf(".");
  const base = path.join(taskRoot, handlerSpec.slice(0, dot));
  const fnName = handlerSpec.slice(dot + 1);
  const file = [".js", ".mjs", ".cjs"].map((e) => base + e).find((f) => fs.existsSync(f));
  if (!file) throw Object.assign(new Error(`Cannot find module '${path.basename(base)}'`), { name: "Runtime.ImportModuleError" });
  const mod = file.endsWith(".mjs") ? await import(pathToFileURL(file).href) : require(file);
  const handler = mod[fnName] || (mod.default && mod.default[fnName]);
  if (typeof handler !== "function") throw Object.assign(new Error(`${path.basename(base)}.${fnName} is undefined or not exported`), { name: "Runtime.HandlerNotFound" });
  const event = JSON.parse(fs.readFileSync(process.env.__MOTO_EVENT_FILE, "utf8"));
  const result = await new Promise((resolve, reject) => {
    const finish = (err, res) => (err ? reject(err) : resolve(res));
    const context = {
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      invokedFunctionArn: process.env.__MOTO_FUNCTION_ARN,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      awsRequestId: process.env.__MOTO_REQUEST_ID,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: finish,
      succeed: (res) => finish(null, res),
      fail: (err) => finish(err || new Error("failed")),
    };
    // A handler that neither returns a promise nor calls back ends when the event loop is empty.
    process.once("beforeExit", () => resolve(null));
    const ret = handler(event, context, finish);
    if (ret && typeof ret.then === "function") ret.then(resolve, reject);
  });
  write(result);
})().then(() => process.exit(0), (err) => { console.error(err); fail(err); process.exit(0); });
"""


# Virtual-hosted S3 names (bucket.localhost) resolve like bucket.s3.amazonaws.com does on AWS.
LOCALHOST_DNS_JS = r"""
const dns = require("dns");
const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  if (typeof hostname === "string" && hostname.endsWith(".localhost")) hostname = "localhost";
  return lookup.call(this, hostname, ...rest);
};
"""


def _unpack(fn: Any, task: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(fn.code_bytes)) as zf:
        zf.extractall(task)
    names = {p.name for p in task.iterdir()}
    # moto stores inline CloudFormation code as index.py (+ its Python cfnresponse.py).
    if "index.py" in names and not names & {"index.js", "index.mjs", "index.cjs"}:
        (task / "index.py").rename(task / "index.js")
        (task / "cfnresponse.py").unlink(missing_ok=True)
        module = task / "node_modules" / "cfn-response"
        module.mkdir(parents=True, exist_ok=True)
        (module / "index.js").write_text(CFN_RESPONSE_JS)


def _role_credentials(fn: Any) -> dict[str, str]:
    """The function's execution-role session, as Lambda gives it: moto's STS maps these keys to the
    role's account, so SDK calls of a function a StackSet deployed in another account act in that account."""
    try:
        from moto.sts.models import sts_backends

        session = sts_backends[fn.account_id]["aws"].assume_role(
            region_name=fn.region, role_session_name=fn.function_name[:64], role_arn=fn.role,
            policy=None, duration=3600, external_id=None,
        )
        return {"AWS_ACCESS_KEY_ID": session.access_key_id, "AWS_SECRET_ACCESS_KEY": session.secret_access_key,
                "AWS_SESSION_TOKEN": session.session_token}
    except Exception:  # no role ARN moto can read: moto's default account, as before
        return {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing"}


def _run_node(fn: Any, event: Any) -> tuple[str, bool, str]:
    from moto import settings

    node = shutil.which("node") or "node"
    request_id = str(uuid.uuid4())
    stream = f"{__import__('time').strftime('%Y/%m/%d')}/[$LATEST]{request_id.replace('-', '')}"
    timeout = int(fn.timeout or 3)
    with tempfile.TemporaryDirectory(prefix="moto-lambda-") as tmp:
        task = Path(tmp) / "task"
        task.mkdir()
        _unpack(fn, task)
        (Path(tmp) / "event.json").write_text(json.dumps(event if event is not None else {}))
        result_file = Path(tmp) / "result.json"
        preload = Path(tmp) / "localhost-dns.js"
        preload.write_text(LOCALHOST_DNS_JS)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": tmp,
            "TMPDIR": tmp,
            "LANG": "en_US.UTF-8",
            "TZ": ":UTC",
        }
        env.update({str(k): str(v) for k, v in (fn.environment_vars or {}).items()})
        env.update(
            {
                "_HANDLER": fn.handler or "index.handler",
                "LAMBDA_TASK_ROOT": str(task),
                "AWS_EXECUTION_ENV": f"AWS_Lambda_{fn.run_time}",
                "AWS_LAMBDA_FUNCTION_NAME": fn.function_name,
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(fn.memory_size),
                "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
                "AWS_LAMBDA_FUNCTION_TIMEOUT": str(timeout),
                "AWS_LAMBDA_LOG_GROUP_NAME": fn.logs_group_name,
                "AWS_LAMBDA_LOG_STREAM_NAME": stream,
                "AWS_REGION": fn.region,
                "AWS_DEFAULT_REGION": fn.region,
                **_role_credentials(fn),
                "AWS_ENDPOINT_URL": f"http://localhost:{settings.moto_server_port()}",
                "NODE_PATH": str(NODE_MODULES),
                "NODE_OPTIONS": f"--require {preload}",
                "__MOTO_RESULT_FILE": str(result_file),
                "__MOTO_EVENT_FILE": str(Path(tmp) / "event.json"),
                "__MOTO_REQUEST_ID": request_id,
                "__MOTO_FUNCTION_ARN": fn.function_arn,
            }
        )
        try:
            proc = subprocess.run(
                [node, "-e", DRIVER_JS],
                cwd=task,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout + 1,  # + node start-up
            )
            logs = proc.stdout + proc.stderr
            if result_file.exists():
                body = result_file.read_text()
                errored = Path(str(result_file) + ".error").exists()
            else:
                body = json.dumps({"errorType": "Runtime.ExitError", "errorMessage": f"RequestId: {request_id} Error: Runtime exited with error: exit status {proc.returncode}"})
                errored = True
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout or ""
            err = exc.stderr or ""
            logs = (out.decode() if isinstance(out, bytes) else out) + (err.decode() if isinstance(err, bytes) else err)
            body = json.dumps({"errorType": "Sandbox.Timedout", "errorMessage": f"RequestId: {request_id} Error: Task timed out after {timeout:.2f} seconds"})
            errored = True
    report = f"START RequestId: {request_id} Version: $LATEST\n{logs}END RequestId: {request_id}\n"
    for line in report.splitlines():
        print(f"[lambda {fn.function_name}] {line}", file=sys.stderr, flush=True)
    if errored:
        print(f"[lambda {fn.function_name}] error: {body}", file=sys.stderr, flush=True)
    try:
        fn.save_logs(report)
    except Exception:  # logging must not change the invocation result
        pass
    return body, errored, logs


# Set while moto's CloudFormation create of an AWS::Lambda::Function runs in this (request) thread.
_CFN_CREATING = threading.local()
# The attribute marking a LambdaFunction a CloudFormation stack created (copied to its versions by deepcopy).
CFN_CREATED = "_emulator_created_by_cloudformation"


def refusal(fn: Any) -> Exception:
    """AWS's answer for a function whose runtime cannot run it: InvalidRuntimeException, HTTP 502."""
    from moto.awslambda.exceptions import LambdaClientError

    error = LambdaClientError(
        "InvalidRuntimeException",
        f"The emulator runs Lambda code only for functions created by a CloudFormation stack it deploys; "
        f"{fn.function_name} was created through the Lambda API and is not run.",
    )
    error.code = 502
    return error


def apply() -> None:
    from moto.awslambda.models import LambdaFunction

    original = LambdaFunction._invoke_lambda

    @functools.wraps(original)
    def _invoke_lambda(self, event=None):  # type: ignore[no-untyped-def]
        if not getattr(self, CFN_CREATED, False):
            raise refusal(self)
        if str(self.run_time or "").startswith("nodejs") and getattr(self, "code_bytes", b""):
            return _run_node(self, event)
        return original(self, event)

    LambdaFunction._invoke_lambda = _invoke_lambda

    original_init = LambdaFunction.__init__

    @functools.wraps(original_init)
    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original_init(self, *args, **kwargs)
        if getattr(_CFN_CREATING, "active", False):
            setattr(self, CFN_CREATED, True)

    LambdaFunction.__init__ = __init__

    original_create = LambdaFunction.create_from_cloudformation_json.__func__

    @functools.wraps(original_create)
    def create_from_cloudformation_json(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        _CFN_CREATING.active = True
        try:
            return original_create(cls, *args, **kwargs)
        finally:
            _CFN_CREATING.active = False

    LambdaFunction.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)
