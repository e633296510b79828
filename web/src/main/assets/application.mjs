// Runs only in browsers GOV.UK Frontend supports (it is a module): marks the page so, then starts the components.
// Every page works without it.
import { initAll } from "/assets/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
