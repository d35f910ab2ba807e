// Start GOV.UK Frontend's components (menus, error summaries, password reveal).
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
