// Compiles the service's Sass (GOV.UK Frontend with Arial) and copies GOV.UK Frontend's JavaScript and the module that
// starts it into the folder the Maven build names (target/classes/META-INF/resources), served under /assets/.
import { mkdirSync, copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "sass";

const out = join(process.argv[2] ?? "target/classes/META-INF/resources", "assets");
mkdirSync(out, { recursive: true });

const css = compile("src/main/assets/application.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
});
if (css.css.includes("GDS Transport")) {
  throw new Error("the compiled CSS names the GDS Transport font, which a service not on GOV.UK must not use");
}
writeFileSync(join(out, "application.css"), css.css);

const dist = "node_modules/govuk-frontend/dist/govuk";
copyFileSync(join(dist, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
copyFileSync("src/main/assets/application.mjs", join(out, "application.mjs"));
console.log(`[web] assets written to ${out}`);
