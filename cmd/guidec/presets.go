package main

import (
	"reflect"
	"strings"
)

// A preset holds the clinic facts that every clinic in one country shares:
// whom to call in an emergency, the urgent (same-day) line, the mental-health
// crisis line, the country's words for a family doctor and an emergency
// department, and the registers a visitor can check a practitioner against.
// `country: GB` in clinic.yaml fills every fact clinic.yaml leaves out;
// any of them can be set in clinic.yaml instead.
//
// The presets are a Go table rather than a YAML file beside the compiler:
// they are facts the compiler owns and developers review, not content a
// clinic edits (a clinic overrides them in its own clinic.yaml), so they
// get the type checker, no loader with errors of its own, and a test that
// reads this file's comments to make sure each fact names its source.
//
// Words (labels, names, the family doctor) are English here; presetWords
// below holds them in other languages, and presetFor lays them over these.
// A clinic writing in a language with no words here sets them in its
// clinic.yaml.
type preset struct {
	Emergency    emergencyFile
	Urgent       lineFile
	Crisis       crisisFile
	GP           gpFile
	Practitioner practitionerFile
}

// presets are the country presets by ISO 3166-1 alpha-2 code. Each fact has
// its source in the comment above it; check them when you change a value.
// An urgent line may have no number and no URL where the country has no
// national line: Urgent.Service then says whom to contact instead, and
// {urgent.number} is refused in that country's text.
var presets = map[string]preset{
	"GB": {
		// 999 (112 also works); the NHS calls an emergency department A&E.
		// https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/
		// https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-go-to-ae/
		Emergency: emergencyFile{Number: "999", Label: "Call 999", Service: "emergency services", Department: "A&E"},
		// NHS 111, free, 24 hours, in England. Scotland: NHS 24 on 111 (https://www.nhs24.scot/);
		// Wales: NHS 111 Wales (https://111.wales.nhs.uk/); Northern Ireland has no 111
		// service: set urgent in clinic.yaml there.
		// https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-use-111/
		Urgent: lineFile{Number: "111", Label: "Call NHS 111", Service: "NHS 111", URL: "https://111.nhs.uk/"},
		// Samaritans, free on 116 123, 24 hours, in the UK and Ireland.
		// https://www.samaritans.org/how-we-can-help/contact-samaritan/
		Crisis: crisisFile{Service: "Samaritans", Number: "116 123", Line: "Samaritans free on 116 123", URL: "https://www.samaritans.org/"},
		// A GP works at a GP surgery.
		// https://www.nhs.uk/nhs-services/gps/
		GP: gpFile{Name: "GP", Explained: "GP (family doctor)", Place: "GP surgery", Places: "GP surgeries"},
		// British Acupuncture Council (an Accredited Register of the Professional Standards
		// Authority) and British Medical Acupuncture Society (doctors and other health professionals).
		// https://www.acupuncture.org.uk/ https://www.medical-acupuncture.co.uk/
		Practitioner: practitionerFile{Register: "the British Acupuncture Council (BAcC) or the British Medical Acupuncture Society (BMAS)"},
	},
	"IE": {
		// 112 or 999, both free; the HSE says emergency department (ED).
		// https://www.citizensinformation.ie/en/health/health-system/emergency-health-services-in-ireland/
		// https://www2.hse.ie/emergencies/the-emergency-department-ed/
		Emergency: emergencyFile{Number: "112", Label: "Call 112 or 999", Service: "emergency services", Department: "the emergency department"},
		// No national urgent line: your GP, or the GP out-of-hours service (Caredoc, SouthDoc,
		// ShannonDoc ...) when the surgery is closed.
		// https://www.citizensinformation.ie/en/health/health-system/emergency-health-services-in-ireland/
		Urgent: lineFile{Label: "Call your GP", Service: "your GP out-of-hours service"},
		// Samaritans, free on 116 123, 24 hours, in Ireland and the UK.
		// https://www.samaritans.org/ireland/how-we-can-help/contact-samaritan/
		Crisis: crisisFile{Service: "Samaritans", Number: "116 123", Line: "Samaritans free on 116 123", URL: "https://www.samaritans.org/ireland/"},
		// GP (family doctor), at a GP surgery.
		// https://www.citizensinformation.ie/en/health/health-system/emergency-health-services-in-ireland/
		GP: gpFile{Name: "GP", Explained: "GP (family doctor)", Place: "GP surgery", Places: "GP surgeries"},
		// Acupuncture is not regulated by law in Ireland; these bodies keep registers.
		// https://acupuncturecouncilofireland.com/ https://prtcm.org/professional-register/
		Practitioner: practitionerFile{Register: "the Acupuncture Council of Ireland (ACI) or the Professional Register of Traditional Chinese Medicine (PRTCM)"},
	},
	"US": {
		// 911; "emergency room" is the everyday word.
		// https://www.911.gov/
		Emergency: emergencyFile{Number: "911", Label: "Call 911", Service: "emergency services", Department: "the emergency room"},
		// No national urgent line: your own doctor, or an urgent care center.
		// https://medlineplus.gov/ency/patientinstructions/000593.htm
		Urgent: lineFile{Label: "Call your doctor", Service: "an urgent care center"},
		// 988 Suicide & Crisis Lifeline: call or text 988, free, 24 hours.
		// https://988lifeline.org/
		Crisis: crisisFile{Service: "the 988 Suicide & Crisis Lifeline", Number: "988", Line: "the 988 Suicide & Crisis Lifeline free on 988", URL: "https://988lifeline.org/"},
		// Primary care doctor (primary care provider), at a doctor's office.
		// https://medlineplus.gov/ency/article/001939.htm
		GP: gpFile{Name: "primary care doctor", Explained: "primary care doctor", Place: "doctor's office", Places: "doctors' offices"},
		// Acupuncturists are licensed by each state; most states require NCCAOM certification.
		// Doctors who use acupuncture may belong to the American Academy of Medical Acupuncture.
		// https://www.nccaom.org/ https://www.medicalacupuncture.org/
		Practitioner: practitionerFile{Register: "the NCCAOM or the American Academy of Medical Acupuncture (AAMA)"},
	},
	"CA": {
		// 911, or go to an emergency department.
		// http://healthpei.ca/811 (When should I call 9-1-1 instead of 8-1-1?)
		Emergency: emergencyFile{Number: "911", Label: "Call 911", Service: "emergency services", Department: "the emergency department"},
		// 811: free health advice from a nurse in most provinces and territories
		// (HealthLink BC, Health 811 in Ontario, Info-Santé in Quebec ...). Check yours.
		// https://www.healthlinkbc.ca/ https://health811.ontario.ca/
		Urgent: lineFile{Number: "811", Label: "Call 811", Service: "811"},
		// 9-8-8 Suicide Crisis Helpline: call or text 988, free, 24 hours, since 30 November 2023.
		// https://988.ca/
		Crisis: crisisFile{Service: "the 9-8-8 Suicide Crisis Helpline", Number: "988", Line: "the 9-8-8 Suicide Crisis Helpline free on 988", URL: "https://988.ca/"},
		// Family doctor, at a family doctor's office.
		// https://www.healthlinkbc.ca/health-topics/choosing-family-doctor
		GP: gpFile{Name: "family doctor", Explained: "family doctor", Place: "family doctor's office", Places: "family doctors' offices"},
		// Acupuncturists are regulated in British Columbia, Alberta, Ontario, Quebec and
		// Newfoundland and Labrador, each by its own college.
		// https://www.ctcma.bc.ca/ https://www.ctcmpao.on.ca/ https://acupuncturecanada.org/acupuncture-101/regulation-and-education/
		Practitioner: practitionerFile{Register: "your province's college of acupuncturists, where there is one"},
	},
	"AU": {
		// Triple zero (000); 112 also works from mobiles.
		// https://www.triplezero.gov.au/
		Emergency: emergencyFile{Number: "000", Label: "Call 000", Service: "emergency services", Department: "the emergency department"},
		// healthdirect, free advice from a nurse, 24 hours, on 1800 022 222 (Victoria:
		// NURSE-ON-CALL; Queensland: 13 HEALTH, both reached through it too).
		// https://www.healthdirect.gov.au/what-care-do-i-need
		Urgent: lineFile{Number: "1800 022 222", Label: "Call healthdirect", Service: "healthdirect", URL: "https://www.healthdirect.gov.au/symptom-checker"},
		// Lifeline on 13 11 14, 24 hours (free from mobiles, a local call from landlines,
		// so the line does not say free).
		// https://www.lifeline.org.au/
		Crisis: crisisFile{Service: "Lifeline", Number: "13 11 14", Line: "Lifeline on 13 11 14", URL: "https://www.lifeline.org.au/"},
		// GP (general practitioner or family doctor), at a GP practice or medical centre.
		// https://www.healthdirect.gov.au/what-care-do-i-need
		GP: gpFile{Name: "GP", Explained: "GP (family doctor)", Place: "GP practice", Places: "GP practices"},
		// Acupuncturists are registered Chinese medicine practitioners: the Chinese Medicine
		// Board of Australia keeps the register through Ahpra.
		// https://www.chinesemedicineboard.gov.au/ https://www.ahpra.gov.au/Registration/Registers-of-Practitioners.aspx
		Practitioner: practitionerFile{Register: "the Chinese Medicine Board of Australia (on the Ahpra register)"},
	},
	"ES": {
		// 112, the EU's emergency number; hospital emergency departments are "urgencias".
		// https://digital-strategy.ec.europa.eu/en/policies/112
		Emergency: emergencyFile{Number: "112", Label: "Call 112", Service: "emergency services", Department: "the hospital emergency department (urgencias)"},
		// No national urgent line: your health centre (centro de salud), which has urgent
		// care; the regional 061 lines differ from region to region.
		// https://www.sanidad.gob.es/organizacion/sns/home.htm
		Urgent: lineFile{Label: "Call your health centre", Service: "your health centre (centro de salud)"},
		// Línea 024, free, 24 hours, since 10 May 2022 (Ministerio de Sanidad).
		// https://www.sanidad.gob.es/linea024/home.htm
		Crisis: crisisFile{Service: "Línea 024", Number: "024", Line: "Línea 024 free on 024", URL: "https://www.sanidad.gob.es/linea024/home.htm"},
		// Family doctor (médico de familia), at the health centre.
		// https://www.sanidad.gob.es/organizacion/sns/home.htm
		GP: gpFile{Name: "family doctor", Explained: "family doctor (médico de familia)", Place: "health centre (centro de salud)", Places: "health centres"},
		// Acupuncture has no register of its own in Spain; doctors who practise it may belong
		// to the Sociedad de Acupuntura Médica de España (SAME).
		// https://www.acupunturamedica.org/
		Practitioner: practitionerFile{Register: "the Spanish Society of Medical Acupuncture (SAME)"},
	},
}

// presetWords are the presets' words in languages other than English, by
// country and then by primary language subtag ("es" for es-US and es-ES).
// They hold only words: labels, the names of services, the emergency
// department, the crisis line as it follows "call", the family doctor and
// the registers. Numbers and URLs are never repeated here: they come from
// the country's preset, so a number changes in one place. presetFor lays
// these words over the preset.
//
// Spanish grammar the texts rely on: Urgent.Service and Emergency.Department
// start with a determiner that can follow "vaya a" ("un centro de atención
// de urgencia", "la sala de emergencias", "su centro de salud"), never with
// "el" (a + el is written al); Crisis.Line follows "llame a"; Emergency.Label
// is a button ("Llame al 911").
//
// Each fact has its source in the comment above it, in that language where
// the source has one; check them when you change a value.
var presetWords = map[string]map[string]preset{
	"US": {
		"es": {
			// 911; MedlinePlus en español says "sala de emergencias" for the emergency room.
			// https://medlineplus.gov/spanish/ency/patientinstructions/000593.htm https://www.911.gov/
			Emergency: emergencyFile{Label: "Llame al 911", Service: "los servicios de emergencia", Department: "la sala de emergencias"},
			// No national urgent line: your own doctor, or an urgent care center ("centro de
			// atención de urgencia").
			// https://medlineplus.gov/spanish/ency/patientinstructions/000593.htm
			Urgent: lineFile{Label: "Llame a su médico", Service: "un centro de atención de urgencia"},
			// 988 Lifeline in Spanish: "Línea 988 de Prevención del Suicidio y Crisis", call or
			// text 988 (option 2 for Spanish), free, 24 hours.
			// https://988lifeline.org/es/home/
			Crisis: crisisFile{Service: "la Línea 988 de Prevención del Suicidio y Crisis", Line: "la Línea 988 de Prevención del Suicidio y Crisis, gratis al 988"},
			// "Proveedor de atención primaria": in everyday words, the primary care doctor, at
			// a doctor's office (consultorio médico); "médico de familia" explains it.
			// https://medlineplus.gov/spanish/ency/article/001939.htm
			GP: gpFile{Name: "médico de atención primaria", Explained: "médico de atención primaria (médico de familia)", Place: "consultorio médico", Places: "consultorios médicos"},
			// NCCAOM (Comisión Nacional de Certificación en Acupuntura y Medicina Oriental);
			// American Academy of Medical Acupuncture for doctors. Both sites are in English.
			// https://www.nccaom.org/ https://www.medicalacupuncture.org/
			Practitioner: practitionerFile{Register: "la NCCAOM (la comisión nacional que certifica a los acupunturistas) o la Academia Americana de Acupuntura Médica (AAMA)"},
		},
	},
	"ES": {
		"es": {
			// 112, "Emergencias 112"; in Spain a hospital's emergency department is "urgencias".
			// https://digital-strategy.ec.europa.eu/es/policies/112
			Emergency: emergencyFile{Label: "Llame al 112", Service: "los servicios de emergencias", Department: "las urgencias del hospital"},
			// No national urgent line: your health centre (centro de salud), which attends
			// urgent problems in the day.
			// https://www.sanidad.gob.es/organizacion/sns/home.htm
			Urgent: lineFile{Label: "Llame a su centro de salud", Service: "su centro de salud"},
			// Línea 024 de atención a la conducta suicida, free, 24 hours (Ministerio de Sanidad).
			// https://www.sanidad.gob.es/linea024/home.htm
			Crisis: crisisFile{Service: "la Línea 024", Line: "la Línea 024 de atención a la conducta suicida, gratis"},
			// Médico de familia (also called médico de cabecera), at the centro de salud.
			// https://www.sanidad.gob.es/organizacion/sns/home.htm
			GP: gpFile{Name: "médico de familia", Explained: "médico de familia (médico de cabecera)", Place: "centro de salud", Places: "centros de salud"},
			// Sociedad de Acupuntura Médica de España (SAME), for doctors who practise acupuncture.
			// https://www.acupunturamedica.org/
			Practitioner: practitionerFile{Register: "la Sociedad de Acupuntura Médica de España (SAME)"},
		},
	},
}

// presetFor returns the preset of country (an ISO code such as US) in the
// language of tag lang (such as es-US): the country's numbers and URLs,
// with the words of that language laid over the preset's English ones.
// English (en, en-US, ...) or an empty tag gives the preset as it is. In a
// language the country has no words for, every word is left empty rather
// than English, so a clinic writing in it must set the words in its own
// clinic.yaml (and the compiler's checks for missing facts name them).
// The result is false when the country has no preset.
func presetFor(country, lang string) (preset, bool) {
	base, ok := presets[strings.ToUpper(country)]
	if !ok {
		return preset{}, false
	}
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if primary == "" || primary == "en" {
		return base, true
	}
	words := presetWords[strings.ToUpper(country)][primary]
	out := base
	dst := reflect.ValueOf(&out).Elem()
	src := reflect.ValueOf(words)
	for i := range dst.NumField() {
		for j := range dst.Field(i).NumField() {
			if !presetWordField(dst.Field(i).Type().Field(j).Name) {
				continue
			}
			dst.Field(i).Field(j).SetString(src.Field(i).Field(j).String())
		}
	}
	return out, true
}

// presetWordField reports whether a field of a preset's group is words,
// which presetWords translate, rather than a number or a URL, which they
// never repeat.
func presetWordField(name string) bool { return name != "Number" && name != "URL" }
