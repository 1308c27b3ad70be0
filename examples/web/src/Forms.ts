/**
 * The public forms, as HTML that works without JavaScript and as submissions over core:
 *
 * - the expression of interest (intresseanmälan), stored through `Interest.submit`;
 * - registration for an open calendar event, through `Events.registerNow` (a seat, or
 *   the end of the waiting list when the event is full);
 * - enrolment on a training programme, through `Trainings.enrolNow`, with the target role
 *   checked against the programme's roles.
 *
 * Field names are core's field paths (`applicant.name`, `contact.email`, `consent`), so every
 * violation core reports lands next to its field, in the page's language. Text fields are
 * bounded here before anything reaches core. The posted body is `application/x-www-form-urlencoded`,
 * at most 64 KiB, from this site only, and rate-limited per client (all in `Guard.ts`).
 * Answers to a post are never cached (`cache-control: no-store`) and show no one but the
 * person's own submission.
 */
import {
  CalendarDate,
  CalendarEvent,
  ChangeLog,
  Events,
  Interest,
  type LocalizedText,
  Participant,
  Programme,
  type Refusal,
  TrainingProgramme,
  Trainings,
  Validation
} from "@localrights/core"
import { Effect } from "effect"
import { escape, type Lang, plain, t } from "./Layout.ts"

/** A form as shown again after a post: the values sent, messages per field and for the whole form. */
export interface Rendered {
  readonly status: number
  readonly values: Readonly<Record<string, string>>
  readonly errors: Readonly<Record<string, ReadonlyArray<LocalizedText.LocalizedText>>>
  readonly general: ReadonlyArray<LocalizedText.LocalizedText>
}

/** What a submission came to: done (with the message for the person), or the form again. */
export type Outcome =
  | { readonly _tag: "Done"; readonly title: LocalizedText.LocalizedText; readonly message: LocalizedText.LocalizedText }
  | { readonly _tag: "Invalid"; readonly form: Rendered }

const words = {
  required: { sv: "obligatoriskt", en: "required" },
  errorsTitle: { sv: "Formuläret innehåller fel", en: "The form has errors" },
  missing: { sv: "Fyll i fältet.", en: "Fill in this field." },
  tooLong: (max: number) => ({ sv: `Högst ${max} tecken.`, en: `At most ${max} characters.` }),
  choose: { sv: "Välj ett alternativ.", en: "Choose an option." },
  consentRequired: { sv: "Samtycke krävs för att vi ska kunna spara anmälan.", en: "Consent is required for us to store the registration." },
  name: { sv: "Namn", en: "Name" },
  email: { sv: "E-postadress", en: "E-mail address" },
  organisation: { sv: "Organisation", en: "Organisation" },
  role: { sv: "Din roll", en: "Your role" },
  register: { sv: "Anmäl mig", en: "Register" },
  enrol: { sv: "Anmäl mig till programmet", en: "Enrol in the programme" },
  registration: { sv: "Anmälan", en: "Registration" },
  closed: { sv: "Anmälan är stängd.", en: "Registration is closed." },
  fullNote: {
    sv: "Evenemanget är fullbokat. Anmäler du dig hamnar du på väntelistan och får en plats i tur och ordning när någon lämnar återbud.",
    en: "The event is full. If you register you go on the waiting list and get a seat in turn when someone cancels."
  },
  seatsLeft: (n: number) => ({ sv: `${n} platser kvar.`, en: `${n} seats left.` }),
  registrationConsent: {
    sv: "Jag samtycker till att mitt namn, min e-postadress och min organisation sparas för att hantera anmälan och väntelistan.",
    en: "I consent to my name, e-mail address and organisation being stored to handle the registration and the waiting list."
  },
  consentHint: {
    sv: "Uppgifterna visas aldrig offentligt; bara antalet anmälda. Du kan när som helst ta tillbaka samtycket, då tas anmälan bort.",
    en: "The details are never shown in public; only the number registered. You can withdraw consent at any time; the registration is then removed."
  },
  interestIntro: {
    sv: "En kommun eller region som vill delta i ett program för kommunala partnerskap anmäler först intresse. Därefter kommer ansökan, antagning till nätverket och matchning med en partner.",
    en: "A municipality or region that wants to take part in a programme of municipal partnerships first expresses interest. Then come the application, admission to the network and matching with a partner."
  },
  kind: { sv: "Typ av organisation", en: "Kind of organisation" },
  municipality: { sv: "Kommun", en: "Municipality" },
  region: { sv: "Region", en: "Region" },
  orgName: { sv: "Kommunens eller regionens namn", en: "Name of the municipality or region" },
  municipalityCode: { sv: "Kommunkod (fyra siffror, frivilligt)", en: "Municipality code (four digits, optional)" },
  contactName: { sv: "Kontaktpersonens namn", en: "Contact person's name" },
  contactEmail: { sv: "Kontaktpersonens e-postadress", en: "Contact person's e-mail address" },
  contactPhone: { sv: "Kontaktpersonens telefon (frivilligt)", en: "Contact person's phone (optional)" },
  challengeHint: { sv: "Beskriv kort vad ni vill arbeta med, högst 2 000 tecken.", en: "Describe briefly what you want to work on, at most 2,000 characters." },
  interestConsentHint: {
    sv: "Kontaktpersonens uppgifter används bara för att handlägga intresseanmälan och visas aldrig på webbplatsen eller i API:et. Samtycket kan återkallas; då raderas uppgifterna.",
    en: "The contact person's details are used only to handle the expression of interest and never appear on the site or in the API. Consent can be withdrawn; the details are then erased."
  },
  send: { sv: "Skicka intresseanmälan", en: "Send the expression of interest" },
  interestDone: { sv: "Tack för er intresseanmälan", en: "Thank you for your expression of interest" },
  interestDoneText: (org: string) => ({
    sv: `Vi har tagit emot intresseanmälan från ${org}. Programmets handläggare hör av sig till kontaktpersonen.`,
    en: `We have received the expression of interest from ${org}. The programme's officers will contact the contact person.`
  }),
  registered: { sv: "Anmälan mottagen", en: "Registration received" },
  enrolled: { sv: "Anmälan till utbildningen mottagen", en: "Enrolment received" },
  enrolledText: (title: string) => ({ sv: `Du är anmäld till ${title}.`, en: `You are enrolled in ${title}.` }),
  roleUnknown: { sv: "Välj en av programmets målgrupper.", en: "Choose one of the programme's target roles." },
  noProgramme: { sv: "Det finns inget program att anmäla intresse till.", en: "There is no programme to express interest in." }
}

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

interface FieldSpec {
  readonly name: string
  readonly label: LocalizedText.LocalizedText
  readonly kind: "text" | "email" | "tel" | "textarea" | "select" | "radio" | "checkbox"
  readonly required: boolean
  readonly max?: number
  readonly hint?: LocalizedText.LocalizedText
  readonly autocomplete?: string
  readonly options?: ReadonlyArray<readonly [string, LocalizedText.LocalizedText]>
}

const fieldId = (prefix: string, name: string) => `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`

const field = (lang: Lang, prefix: string, spec: FieldSpec, form: Rendered | undefined): string => {
  const id = fieldId(prefix, spec.name)
  const value = form?.values[spec.name] ?? ""
  const errors = form?.errors[spec.name] ?? []
  const described = [spec.hint === undefined ? undefined : `${id}-hint`, errors.length === 0 ? undefined : `${id}-error`].filter((x) => x !== undefined)
  const aria = `${described.length === 0 ? "" : ` aria-describedby="${described.join(" ")}"`}${errors.length === 0 ? "" : " aria-invalid=\"true\""}${
    spec.required ? " aria-required=\"true\"" : ""
  }`
  const hint = spec.hint === undefined ? "" : `<p class="hint" id="${id}-hint">${t(spec.hint, lang)}</p>`
  const error = errors.length === 0 ? "" : `<p class="error" id="${id}-error">${errors.map((e) => t(e, lang)).join(" ")}</p>`
  const required = spec.required && spec.kind !== "checkbox" ? ` <span class="hint">(${t(words.required, lang)})</span>` : ""
  const max = spec.max === undefined ? "" : ` maxlength="${spec.max}"`
  const auto = spec.autocomplete === undefined ? "" : ` autocomplete="${spec.autocomplete}"`
  switch (spec.kind) {
    case "textarea":
      return `<div class="field wide"><label for="${id}">${t(spec.label, lang)}${required}</label>${hint}${error}<textarea id="${id}" name="${escape(spec.name)}"${max}${aria}>${escape(value)}</textarea></div>`
    case "select":
      return `<div class="field"><label for="${id}">${t(spec.label, lang)}${required}</label>${hint}${error}<select id="${id}" name="${escape(spec.name)}"${aria}><option value="">–</option>${
        (spec.options ?? []).map(([v, l]) => `<option value="${escape(v)}"${v === value ? " selected" : ""}>${plain(l, lang)}</option>`).join("")
      }</select></div>`
    case "radio":
      return `<fieldset class="choice"${errors.length === 0 ? "" : ` aria-describedby="${id}-error"`}><legend>${t(spec.label, lang)}${required}</legend>${hint}${error}${
        (spec.options ?? []).map(([v, l], i) =>
          `<div class="check"><input type="radio" id="${id}-${i}" name="${escape(spec.name)}" value="${escape(v)}"${v === value ? " checked" : ""}${
            errors.length === 0 ? "" : " aria-invalid=\"true\""
          }><label for="${id}-${i}">${t(l, lang)}</label></div>`
        ).join("")
      }</fieldset>`
    case "checkbox":
      return `<div class="field wide">${error}<div class="check"><input type="checkbox" id="${id}" name="${escape(spec.name)}" value="yes"${value === "yes" ? " checked" : ""}${aria}><label for="${id}">${
        t(spec.label, lang)
      }</label></div>${hint}</div>`
    default:
      return `<div class="field wide"><label for="${id}">${t(spec.label, lang)}${required}</label>${hint}${error}<input type="${spec.kind}" id="${id}" name="${escape(spec.name)}" value="${
        escape(value)
      }"${max}${auto}${aria}></div>`
  }
}

const summary = (lang: Lang, prefix: string, specs: ReadonlyArray<FieldSpec>, form: Rendered | undefined) => {
  if (form === undefined) return ""
  const items: Array<string> = form.general.map((g) => `<li>${t(g, lang)}</li>`)
  for (const spec of specs) {
    for (const e of form.errors[spec.name] ?? []) {
      const target = spec.kind === "radio" ? `${fieldId(prefix, spec.name)}-0` : fieldId(prefix, spec.name)
      items.push(`<li><a href="#${target}">${t(spec.label, lang)}: ${t(e, lang)}</a></li>`)
    }
  }
  if (items.length === 0) return ""
  return `<div class="errors" id="${prefix}-errors"><h2>${t(words.errorsTitle, lang)}</h2><ul>${items.join("")}</ul></div>`
}

/** A form: the error summary, the fields, the button. `novalidate`: the server checks, in the page's language. */
const form = (lang: Lang, prefix: string, action: string, specs: ReadonlyArray<FieldSpec>, button: LocalizedText.LocalizedText, rendered: Rendered | undefined) =>
  `${summary(lang, prefix, specs, rendered)}<form method="post" action="${escape(action)}" novalidate accept-charset="utf-8">${
    specs.map((s) => field(lang, prefix, s, rendered)).join("")
  }<p><button type="submit">${t(button, lang)}</button></p></form>`

/** Reads the fields of a posted form, each trimmed; checks presence and length. */
const read = (body: string, specs: ReadonlyArray<FieldSpec>) => {
  const params = new URLSearchParams(body)
  const values: Record<string, string> = {}
  const errors: Record<string, Array<LocalizedText.LocalizedText>> = {}
  const add = (name: string, message: LocalizedText.LocalizedText) => (errors[name] ??= []).push(message)
  for (const spec of specs) {
    const raw = params.get(spec.name)
    const value = spec.kind === "textarea" ? (raw ?? "").trim() : (raw ?? "").replace(/\s+/g, " ").trim()
    // the value shown again is bounded too: a 64 KiB field is not echoed back
    values[spec.name] = spec.max === undefined ? value.slice(0, 2000) : value.slice(0, spec.max + 1)
    if (spec.required && value === "") add(spec.name, spec.kind === "checkbox" ? words.consentRequired : spec.kind === "radio" || spec.kind === "select" ? words.choose : words.missing)
    else if (spec.max !== undefined && value.length > spec.max) add(spec.name, words.tooLong(spec.max))
    else if (spec.options !== undefined && value !== "" && !spec.options.some(([v]) => v === value)) add(spec.name, words.choose)
  }
  return { values, errors, add }
}

/** The field a violation of core belongs to: the longest field name its path starts with. */
const fieldOf = (path: string, specs: ReadonlyArray<FieldSpec>): string | undefined =>
  specs.map((s) => s.name).filter((n) => path === n || path.startsWith(`${n}.`) || path.startsWith(`${n}[`)).sort((a, b) => b.length - a.length)[0]

const invalid = (values: Record<string, string>, errors: Record<string, ReadonlyArray<LocalizedText.LocalizedText>>, general: ReadonlyArray<LocalizedText.LocalizedText> = []): Outcome => ({
  _tag: "Invalid",
  form: { status: 400, values, errors, general }
})

const violationsInto = (
  violations: ReadonlyArray<Refusal.Violation>,
  specs: ReadonlyArray<FieldSpec>,
  add: (name: string, message: LocalizedText.LocalizedText) => void,
  general: Array<LocalizedText.LocalizedText>,
  alias: Readonly<Record<string, string>> = {}
) => {
  for (const v of violations) {
    const name = alias[v.field] ?? fieldOf(v.field, specs)
    if (name === undefined) general.push(v.text)
    else add(name, v.text)
  }
}

const emailCheck = Validation.decoder(Participant.Email, "email")

// ---------------------------------------------------------------------------------------------
// Event registration
// ---------------------------------------------------------------------------------------------

const personSpecs: ReadonlyArray<FieldSpec> = [
  { name: "name", label: words.name, kind: "text", required: true, max: 200, autocomplete: "name" },
  { name: "email", label: words.email, kind: "email", required: true, max: 254, autocomplete: "email" },
  { name: "organisation", label: words.organisation, kind: "text", required: false, max: 200, autocomplete: "organization" }
]

const registrationSpecs: ReadonlyArray<FieldSpec> = [
  ...personSpecs,
  { name: "consent", label: words.registrationConsent, kind: "checkbox", required: true, hint: words.consentHint }
]

/** Whether an event takes registrations on `today`. */
const registrationOpen = (e: CalendarEvent.CalendarEvent, today: string) =>
  (e.status === "open" || e.status === "full") && (e.registrationDeadline === undefined || today <= e.registrationDeadline)

/** The registration section of an event page: the form, a waiting-list note when full, or "closed". */
export const registrationSection = (lang: Lang, e: CalendarEvent.CalendarEvent, today: string, rendered: Rendered | undefined) => {
  let out = `<h2 id="registration">${t(words.registration, lang)}</h2>`
  if (!registrationOpen(e, today)) return `${out}<p>${t(words.closed, lang)}</p>`
  const left = CalendarEvent.seatsLeft(e)
  if (left === 0) out += `<p class="notice">${t(words.fullNote, lang)}</p>`
  else if (left !== undefined) out += `<p>${t(words.seatsLeft(left), lang)}</p>`
  return out + form(lang, "reg", `/${lang}/events/${encodeURIComponent(e.id)}/register`, registrationSpecs, words.register, rendered)
}

const publicActor = "public-web-form"

/** Registers the person who posted `body` for an event: a seat, or the waiting list. */
export const register = (id: string, body: string) =>
  Effect.gen(function*() {
    const { add, errors, values } = read(body, registrationSpecs)
    if (errors.email === undefined && values.email !== "") {
      const checked = yield* Effect.result(emailCheck(values.email))
      if (checked._tag === "Failure") for (const v of checked.failure.violations) add("email", v.text)
    }
    if (Object.keys(errors).length > 0) return invalid(values, errors)
    const store = yield* CalendarEvent.Store
    const person = { name: values.name!, email: values.email!, ...(values.organisation === "" ? {} : { organisation: values.organisation! }) }
    // a concurrent registration bumps the version: read again and retry, so nobody's seat is lost
    for (let attempt = 0; attempt < 5; attempt++) {
      const event = yield* store.get(id)
      const outcome = yield* Effect.result(Events.registerNow(id, person, ChangeLog.change(publicActor, "Registration through the public event form", event.version)))
      if (outcome._tag === "Failure") {
        if (outcome.failure._tag === "VersionConflict") continue
        if (outcome.failure._tag !== "EventRefused") return yield* Effect.fail(outcome.failure)
        const general: Array<LocalizedText.LocalizedText> = []
        violationsInto(outcome.failure.violations, registrationSpecs, add, general)
        return invalid(values, errors, general)
      }
      const notice = outcome.success.notifications.find((n) => Participant.same(n.to, person))
      return {
        _tag: "Done",
        title: words.registered,
        message: notice?.message ?? words.registered
      } satisfies Outcome as Outcome
    }
    return invalid(values, errors, [{ sv: "Många anmäler sig just nu. Försök igen.", en: "Many are registering right now. Try again." }])
  })

// ---------------------------------------------------------------------------------------------
// Training enrolment
// ---------------------------------------------------------------------------------------------

const enrolmentSpecs = (p: TrainingProgramme.TrainingProgramme): ReadonlyArray<FieldSpec> => [
  ...personSpecs,
  ...(p.targetRoles.length === 0 ? [] : [{ name: "role", label: words.role, kind: "select", required: true, options: p.targetRoles.map((r) => [r.key, r.name] as const) } satisfies FieldSpec]),
  { name: "consent", label: words.registrationConsent, kind: "checkbox", required: true, hint: words.consentHint }
]

/** The enrolment form of a training programme, or "closed" after the deadline. */
export const enrolmentSection = (lang: Lang, p: TrainingProgramme.TrainingProgramme, today: string, rendered: Rendered | undefined) => {
  const open = p.enrolmentDeadline === undefined || today <= p.enrolmentDeadline
  const full = p.capacity !== undefined && p.enrolments.length >= p.capacity
  let out = `<h3 id="enrol-${escape(p.id)}">${t(words.registration, lang)}</h3>`
  if (!open || full) return `${out}<p>${t(words.closed, lang)}</p>`
  if (p.capacity !== undefined) out += `<p>${t(words.seatsLeft(p.capacity - p.enrolments.length), lang)}</p>`
  return out + form(lang, `tp-${p.id}`, `/${lang}/training/${encodeURIComponent(p.id)}/enrol`, enrolmentSpecs(p), words.enrol, rendered)
}

/** Enrols the person who posted `body` on a training programme, with a target role of the programme. */
export const enrol = (id: string, body: string) =>
  Effect.gen(function*() {
    const store = yield* TrainingProgramme.Store
    const first = yield* store.get(id)
    const specs = enrolmentSpecs(first)
    const { add, errors, values } = read(body, specs)
    if (errors.email === undefined && values.email !== "") {
      const checked = yield* Effect.result(emailCheck(values.email))
      if (checked._tag === "Failure") for (const v of checked.failure.violations) add("email", v.text)
    }
    if (first.targetRoles.length > 0 && values.role !== "" && !first.targetRoles.some((r) => r.key === values.role) && errors.role === undefined) {
      add("role", words.roleUnknown)
    }
    if (Object.keys(errors).length > 0) return invalid(values, errors)
    for (let attempt = 0; attempt < 5; attempt++) {
      const p = attempt === 0 ? first : yield* store.get(id)
      const role = p.targetRoles.find((r) => r.key === values.role)
      const person = {
        name: values.name!,
        email: values.email!,
        ...(values.organisation === "" ? {} : { organisation: values.organisation! }),
        ...(role === undefined ? {} : { role: role.name })
      }
      const enrolled = yield* Effect.result(Trainings.enrolNow(id, person, ChangeLog.change(publicActor, "Enrolment through the public training form", p.version)))
      if (enrolled._tag === "Failure") {
        if (enrolled.failure._tag === "VersionConflict") continue
        if (enrolled.failure._tag !== "TrainingRefused") return yield* Effect.fail(enrolled.failure)
        const general: Array<LocalizedText.LocalizedText> = []
        violationsInto(enrolled.failure.violations, specs, add, general)
        return invalid(values, errors, general)
      }
      return { _tag: "Done", title: words.enrolled, message: words.enrolledText(p.title.sv ?? p.title.en ?? p.id) } satisfies Outcome as Outcome
    }
    return invalid(values, errors, [{ sv: "Många anmäler sig just nu. Försök igen.", en: "Many are enrolling right now. Try again." }])
  })

// ---------------------------------------------------------------------------------------------
// Expression of interest
// ---------------------------------------------------------------------------------------------

const focusOptions = Programme.FocusArea.values.map((f) => [f, Programme.FocusArea.names[f]] as const)

const interestSpecs = (programmes: ReadonlyArray<Programme.Programme>): ReadonlyArray<FieldSpec> => [
  { name: "programme", label: Interest.labels.programme, kind: "select", required: true, options: programmes.map((p) => [p.id, p.name] as const) },
  { name: "applicant.kind", label: words.kind, kind: "radio", required: true, options: [["municipality", words.municipality], ["region", words.region]] },
  { name: "applicant.name", label: words.orgName, kind: "text", required: true, max: 200, autocomplete: "organization" },
  { name: "applicant.municipalityCode", label: words.municipalityCode, kind: "text", required: false, max: 4 },
  { name: "contact.name", label: words.contactName, kind: "text", required: true, max: 200, autocomplete: "name" },
  { name: "contact.email", label: words.contactEmail, kind: "email", required: true, max: 254, autocomplete: "email" },
  { name: "contact.phone", label: words.contactPhone, kind: "tel", required: false, max: 30, autocomplete: "tel" },
  { name: "challenge", label: Interest.labels.challenge, kind: "textarea", required: true, max: 2000, hint: words.challengeHint },
  { name: "focusArea", label: Interest.labels.focusArea, kind: "radio", required: true, options: focusOptions },
  { name: "consent", label: Interest.labels.consent, kind: "checkbox", required: true, hint: words.interestConsentHint }
]

const programmes = Effect.gen(function*() {
  return yield* (yield* Programme.Store).list({ limit: 100 })
})

/** The interest form's main content. */
export const interestContent = (lang: Lang, rendered: Rendered | undefined) =>
  Effect.map(programmes, (ps) =>
    ps.length === 0
      ? `<p>${t(words.noProgramme, lang)}</p>`
      : `<p>${t(words.interestIntro, lang)}</p>${
        form(lang, "int", `/${lang}/interest`, interestSpecs(ps), words.send, rendered ?? (ps.length === 1 ? { status: 200, values: { programme: ps[0]!.id }, errors: {}, general: [] } : undefined))
      }`)

/** An organisation id from its name: `Lunds kommun` → `lunds-kommun`. */
export const slug = (name: string): string =>
  name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60)

/** Stores the expression of interest posted in `body` through `Interest.submit`. */
export const submitInterest = (lang: Lang, body: string) =>
  Effect.gen(function*() {
    const specs = interestSpecs(yield* programmes)
    const { add, errors, values } = read(body, specs)
    const id = slug(values["applicant.name"] ?? "")
    if (errors["applicant.name"] === undefined && values["applicant.name"] !== "" && id === "") add("applicant.name", { sv: "Ange ett namn med bokstäver eller siffror.", en: "Give a name with letters or digits." })
    const input = {
      programme: values.programme,
      applicant: {
        id,
        kind: values["applicant.kind"],
        name: { [lang]: values["applicant.name"] },
        ...(values["applicant.municipalityCode"] === "" ? {} : { municipalityCode: values["applicant.municipalityCode"] })
      },
      contact: {
        name: values["contact.name"],
        ...(values["contact.email"] === "" ? {} : { email: values["contact.email"] }),
        ...(values["contact.phone"] === "" ? {} : { phone: values["contact.phone"] })
      },
      challenge: { [lang]: values.challenge },
      focusArea: values.focusArea,
      consent: values.consent === "yes"
    }
    if (Object.keys(errors).length > 0) {
      // core's checks too (e-mail, municipality code), so every message shows at once
      const decoded = yield* Effect.result(Interest.decodeForm(input))
      const general: Array<LocalizedText.LocalizedText> = []
      if (decoded._tag === "Failure") {
        const extra = decoded.failure.violations.filter((v) => {
          const name = fieldOf(v.field, specs)
          return name !== undefined && errors[name] === undefined && values[name] !== ""
        })
        violationsInto(extra, specs, add, general)
      }
      return invalid(values, errors, general)
    }
    const result = yield* Effect.result(Interest.submit(input, ChangeLog.change(publicActor, "Expression of interest through the public form")))
    if (result._tag === "Success") {
      return { _tag: "Done", title: words.interestDone, message: words.interestDoneText(values["applicant.name"]!) } satisfies Outcome as Outcome
    }
    const e = result.failure
    switch (e._tag) {
      case "ValidationError":
      case "DuplicateExpression":
      case "PartnershipInvalid": {
        const general: Array<LocalizedText.LocalizedText> = []
        violationsInto(e.violations, specs, add, general, { "applicant.id": "applicant.name" })
        return invalid(values, errors, general)
      }
      case "NotFound":
        add("programme", words.choose)
        return invalid(values, errors)
      default:
        return yield* Effect.fail(e)
    }
  })

