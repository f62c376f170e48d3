#!/usr/bin/env node
// Compiles every contract under src/ with the pinned solc-js and writes one artifact per contract
// (ABI + creation bytecode) to artifacts/. With --check it compiles in memory and fails when the committed
// artifacts differ from a fresh build, which proves they are reproducible from the source.
"use strict";

const fs = require("fs");
const path = require("path");
const solc = require("solc");

const root = path.resolve(__dirname, "..");
const sourceDir = path.join(root, "src");
const artifactDir = path.join(root, "artifacts");
const checkOnly = process.argv.includes("--check");

function listSources(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listSources(full);
      return entry.name.endsWith(".sol") ? [full] : [];
    });
}

function findImport(importPath) {
  const candidate = path.join(root, "node_modules", importPath);
  if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, "utf8") };
  return { error: `import not found: ${importPath}` };
}

const sources = {};
for (const file of listSources(sourceDir)) {
  const unit = path.relative(root, file).split(path.sep).join("/");
  sources[unit] = { content: fs.readFileSync(file, "utf8") };
}

const input = {
  language: "Solidity",
  sources,
  settings: {
    evmVersion: "cancun",
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
const errors = (output.errors || []).filter((e) => e.severity === "error");
for (const message of output.errors || []) console.error(message.formattedMessage);
if (errors.length > 0) process.exit(1);

const artifacts = {};
for (const unit of Object.keys(output.contracts).sort()) {
  if (!unit.startsWith("src/")) continue;
  for (const name of Object.keys(output.contracts[unit]).sort()) {
    const contract = output.contracts[unit][name];
    const artifact = {
      contractName: name,
      sourceName: unit,
      compiler: `solc ${solc.version()}`,
      abi: contract.abi,
      bytecode: "0x" + contract.evm.bytecode.object,
    };
    artifacts[`${name}.json`] = JSON.stringify(artifact, null, 2) + "\n";
  }
}

if (checkOnly) {
  const committed = fs.existsSync(artifactDir) ? fs.readdirSync(artifactDir).filter((f) => f.endsWith(".json")) : [];
  const problems = [];
  for (const [file, text] of Object.entries(artifacts)) {
    const target = path.join(artifactDir, file);
    if (!fs.existsSync(target)) problems.push(`missing artifact ${file}`);
    else if (fs.readFileSync(target, "utf8") !== text) problems.push(`artifact differs from a fresh build: ${file}`);
  }
  for (const file of committed) if (!(file in artifacts)) problems.push(`stale artifact ${file}`);
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    console.error("Run `npm run compile` in contracts/ and commit the artifacts.");
    process.exit(1);
  }
  console.log(`artifacts reproducible: ${Object.keys(artifacts).length} contracts match a fresh build`);
} else {
  fs.mkdirSync(artifactDir, { recursive: true });
  for (const file of fs.readdirSync(artifactDir)) if (file.endsWith(".json")) fs.unlinkSync(path.join(artifactDir, file));
  for (const [file, text] of Object.entries(artifacts)) fs.writeFileSync(path.join(artifactDir, file), text);
  console.log(`compiled ${Object.keys(artifacts).length} contracts with solc ${solc.version()} into artifacts/`);
}
