// newsprism web: progressive enhancement only; every page works without it.
"use strict";

// Article page: clicking a finding highlights its spans in place and scrolls to the first.
function showFinding(id) {
  document.querySelectorAll("mark.active, li.finding-item.active").forEach(el => el.classList.remove("active"));
  const marks = [...document.querySelectorAll("mark[data-findings]")]
    .filter(m => m.dataset.findings.split(" ").includes(id));
  marks.forEach(m => m.classList.add("active"));
  document.querySelectorAll(`li.finding-item[data-finding="${CSS.escape(id)}"]`).forEach(li => li.classList.add("active"));
  if (marks.length) marks[0].scrollIntoView({block: "center"});
}

document.addEventListener("click", ev => {
  const link = ev.target.closest("a.show-finding");
  if (!link) return;
  ev.preventDefault();
  history.replaceState(null, "", link.href);
  showFinding(link.dataset.finding);
});

// Job page: poll the job until it finishes, then reload to show where the articles went.
const job = document.getElementById("job");
if (job && (job.dataset.status === "queued" || job.dataset.status === "running")) {
  const poll = async () => {
    const res = await fetch(`/api/jobs/${encodeURIComponent(job.dataset.job)}`);
    if (!res.ok) return;
    const state = await res.json();
    if (state.status === "done" || state.status === "failed") { location.reload(); return; }
    const stage = document.getElementById("job-stage");
    if (stage) stage.textContent = `${state.stage} ${state.done}${state.total ? "/" + state.total : ""}`;
    setTimeout(poll, 700);
  };
  setTimeout(poll, 500);
}

// Story page: a link back from an article names its finding (#v-…, #fl-2); the report's
// sections give ids to some findings only, so fall back to the finding's section.
const SECTION_OF = {"v-": "np-events", "c-": "np-conflicts", "fr-": "np-framing", "fl-": "np-flags",
                    "at-": "np-attributions", "su-": "np-brief"};
if (location.hash.length > 1 && document.querySelector(".story-page")) {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!document.getElementById(id)) {
    const prefix = Object.keys(SECTION_OF).find(p => id.startsWith(p));
    const section = prefix && document.querySelector(`section.${SECTION_OF[prefix]}`);
    if (section) section.scrollIntoView({block: "start"});
  }
}
