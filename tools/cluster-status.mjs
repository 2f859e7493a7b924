// Prints the Orleans cluster membership table (OrleansSiloInstances) of a Targeting cluster
// from Azure Table storage or Azurite. No dependencies: Node's fetch and crypto, SharedKeyLite.
//   node tools/cluster-status.mjs "<connection string>" [clusterId]
// The connection string may be UseDevelopmentStorage=true (Azurite on 127.0.0.1:10002).
import { createHmac } from "node:crypto";

const devKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

function parse(connectionString) {
  const parts = Object.fromEntries(
    connectionString.split(";").filter(Boolean).map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }));
  if ((parts.UseDevelopmentStorage ?? "").toLowerCase() === "true")
    return { account: "devstoreaccount1", key: devKey, endpoint: "http://127.0.0.1:10002/devstoreaccount1" };
  const account = parts.AccountName;
  const endpoint = parts.TableEndpoint?.replace(/\/$/, "")
    ?? `${parts.DefaultEndpointsProtocol ?? "https"}://${account}.table.${parts.EndpointSuffix ?? "core.windows.net"}`;
  if (!account || !parts.AccountKey) throw new Error("connection string needs AccountName and AccountKey");
  return { account, key: parts.AccountKey, endpoint };
}

async function query(storage, table, filter) {
  const url = new URL(`${storage.endpoint}/${table}()`);
  if (filter) url.searchParams.set("$filter", filter);
  const date = new Date().toUTCString();
  const canonical = `/${storage.account}${url.pathname}`;
  const signature = createHmac("sha256", Buffer.from(storage.key, "base64"))
    .update(`${date}\n${canonical}`, "utf8").digest("base64");
  const response = await fetch(url, {
    headers: {
      "x-ms-date": date,
      "x-ms-version": "2019-02-02",
      Accept: "application/json;odata=nometadata",
      Authorization: `SharedKeyLite ${storage.account}:${signature}`,
    },
    signal: AbortSignal.timeout(5000),
  });
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()).value;
}

const [connectionString = "UseDevelopmentStorage=true", clusterId = "targeting"] = process.argv.slice(2);
try {
  const rows = await query(parse(connectionString), "OrleansSiloInstances", `PartitionKey eq '${clusterId}'`);
  const silos = rows.filter((r) => r.RowKey !== "VersionRow");
  console.log(`cluster '${clusterId}': ${silos.filter((s) => s.Status === "Active").length} active silo(s)`);
  console.log(["status", "silo", "gateway", "name", "host", "started", "i-am-alive"].join("\t"));
  for (const s of silos.sort((a, b) => (a.StartTime ?? "").localeCompare(b.StartTime ?? "")))
    console.log([s.Status, `${s.Address}:${s.Port}@${s.Generation}`, s.ProxyPort, s.SiloName, s.HostName, s.StartTime, s.IAmAliveTime].join("\t"));
} catch (e) {
  console.error(`cannot read the membership table: ${e.message}`);
  process.exit(1);
}
