//! Word lists and sentence templates for the synthetic corpus, written for it.
//!
//! Templates use `{slot}` placeholders that [`super::Writer`] fills: `{noun}`, `{nouns}`,
//! `{adj}`, `{verb}`, `{city}`, `{country}`, `{org}`, `{company}`, `{place}` (a long-tail
//! invented place name), `{num}`, `{day}` (a weekday), `{month}`, `{year}`, `{group}`.

pub const FIRST_MALE: &[&str] = &[
    "Adam", "Adrian", "Ahmed", "Alan", "Aleksei", "Anders", "Andrew", "Antoine", "Arjun", "Bernard", "Boris", "Bruno",
    "Carlos", "Cheng", "Christopher", "Daniel", "David", "Dmitri", "Edward", "Emeka", "Enrique", "Erik", "Felix",
    "Florian", "Francisco", "Gareth", "George", "Giorgos", "Gustavo", "Hamid", "Hans", "Hiroshi", "Ibrahim", "Igor",
    "Ivan", "Jacob", "James", "Javier", "Jean", "Joachim", "John", "Jorge", "José", "Juan", "Kenji", "Kofi", "Lars",
    "Liam", "Luca", "Lukas", "Luis", "Malik", "Marco", "Mark", "Martin", "Mateo", "Matthew", "Mehmet", "Michael",
    "Miguel", "Mohammed", "Nikolai", "Noah", "Oleksandr", "Oliver", "Omar", "Pablo", "Patrick", "Paul", "Pedro",
    "Peter", "Pierre", "Rafael", "Rahul", "Ricardo", "Robert", "Samuel", "Sergei", "Stefan", "Thomas", "Tomasz",
    "Viktor", "William", "Yusuf",
];

pub const FIRST_FEMALE: &[&str] = &[
    "Aisha", "Alessandra", "Alice", "Amara", "Ana", "Anna", "Annika", "Beatriz", "Camille", "Carmen", "Catherine",
    "Chiara", "Claire", "Daniela", "Diana", "Elena", "Elif", "Elizabeth", "Emily", "Emma", "Eva", "Fatima", "Francesca",
    "Grace", "Hana", "Helen", "Ingrid", "Irina", "Isabel", "Jana", "Jennifer", "Joanna", "Julia", "Karen", "Katarzyna",
    "Laura", "Leila", "Lucia", "Maja", "Margaret", "Maria", "Marta", "Mei", "Mónica", "Nadia", "Natalia", "Nicole",
    "Nina", "Olga", "Paula", "Priya", "Rachel", "Rebecca", "Rosa", "Ruth", "Sakura", "Sara", "Sarah", "Sofia",
    "Sophie", "Susan", "Tatiana", "Teresa", "Valentina", "Victoria", "Yasmin", "Yuki", "Zeynep", "Zofia",
];

pub const SURNAMES: &[&str] = &[
    "Abara", "Achterberg", "Adeyemi", "Albrecht", "Alvarez", "Amundsen", "Andersson", "Arslan", "Asante", "Baker",
    "Baptiste", "Barros", "Becker", "Bellini", "Bergström", "Bianchi", "Blanco", "Bondarenko", "Brennan", "Brooks",
    "Caldwell", "Campbell", "Carvalho", "Castellano", "Chaudhry", "Chen", "Cisneros", "Clarke", "Coleman", "Costa",
    "Dąbrowski", "Dalton", "Delacroix", "Demir", "Desai", "Dimitrov", "Dubois", "Duarte", "Ekström", "Elkins",
    "Esposito", "Farrell", "Fedorova", "Fernández", "Fischer", "Fitzgerald", "Fontaine", "Foster", "Fujimoto",
    "Gallagher", "García", "Gauthier", "Goldberg", "González", "Grabowski", "Greene", "Gruber", "Guerrero", "Haddad",
    "Hakimi", "Halvorsen", "Hartmann", "Hashemi", "Hayes", "Henriksen", "Herrera", "Hoffmann", "Horvat", "Hughes",
    "Ibarra", "Ivanova", "Jablonski", "Jansen", "Jiménez", "Johansson", "Kaczmarek", "Kamara", "Kapoor", "Karimi",
    "Kawasaki", "Keller", "Kovač", "Kowalczyk", "Kuznetsov", "Lambert", "Larsen", "Lefebvre", "Lehmann", "Lindqvist",
    "Lombardi", "López", "Lundgren", "Mahmoud", "Marchetti", "Martins", "Mbeki", "McAllister", "Mendes", "Mensah",
    "Meyer", "Mikkelsen", "Molina", "Moreau", "Morozov", "Müller", "Nakamura", "Navarro", "Nguyen", "Nielsen",
    "Novak", "Nowak", "Okafor", "Okonkwo", "Oliveira", "O'Brien", "O'Connor", "Orlov", "Ortega", "Osei", "Özdemir",
    "Pacheco", "Papadopoulos", "Park", "Pavlov", "Pereira", "Petrov", "Popescu", "Quinn", "Ramírez", "Rasmussen",
    "Reyes", "Richter", "Rinaldi", "Rocha", "Romano", "Rossi", "Rousseau", "Sadeghi", "Salazar", "Santos", "Sato",
    "Schäfer", "Schmidt", "Schneider", "Serrano", "Shapiro", "Silva", "Sokolov", "Sørensen", "Suzuki", "Svensson",
    "Szabó", "Takahashi", "Tanaka", "Thornton", "Torres", "Tran", "Vargas", "Varga", "Vasquez", "Vogel", "Volkov",
    "Wagner", "Walsh", "Weber", "Whitfield", "Wójcik", "Yamamoto", "Yilmaz", "Zając", "Zhang", "Zimmermann",
];

/// Particles that stay part of a surname ("van Dijk", "de la Cruz", "al-Amin").
pub const PARTICLES: &[&str] = &["van", "de", "von", "da", "al-", "van der", "de la", "bin"];

/// Roles: `{org}`, `{country}`, `{city}` and `{company}` are filled per person.
pub const ROLES: &[&str] = &[
    "a spokesman for the {org}",
    "a spokeswoman for the {org}",
    "the head of the {org}",
    "{country}'s foreign minister",
    "{country}'s finance minister",
    "the deputy director of the {org}",
    "chief executive of {company}",
    "chief economist at {company}",
    "an analyst at {company}",
    "the mayor of {city}",
    "a senior fellow at the {org}",
    "a professor of economics at the University of {city}",
    "the chair of the {org}",
    "a lawyer representing {company}",
    "the president of the {org}",
    "{country}'s ambassador to the United Nations",
    "a member of parliament for {city}",
    "the governor of {place} province",
    "a researcher at the {org}",
    "the general secretary of the {org}",
];

/// Titles written before a name ("Foreign Minister Anna Kowalczyk").
pub const TITLES: &[&str] = &[
    "Foreign Minister",
    "Finance Minister",
    "Prime Minister",
    "President",
    "Senator",
    "Governor",
    "Mayor",
    "General",
    "Dr.",
    "Judge",
    "Deputy Minister",
    "Commissioner",
];

pub const ORGS: &[&str] = &[
    "Ministry of Finance",
    "Central Bank",
    "Northern Grain Council",
    "Coastal Shipping Association",
    "National Statistics Office",
    "Institute for Fiscal Research",
    "Federation of Small Businesses",
    "Civil Aviation Authority",
    "Regional Health Service",
    "Union of Rail Workers",
    "Energy Regulatory Commission",
    "Committee on Public Accounts",
    "Council of Mayors",
    "Water Resources Agency",
    "Teachers' Federation",
    "Chamber of Commerce",
    "Port Authority",
    "Electoral Commission",
    "Refugee Support Network",
    "Climate Policy Centre",
    "Defence Ministry",
    "Supreme Court",
    "Agricultural Producers' League",
    "Office for Budget Responsibility",
];

pub const COMPANIES: &[&str] = &[
    "Meridian Holdings",
    "Halcyon Energy",
    "Brightwater Capital",
    "Stonebridge Partners",
    "Nordvik Shipping",
    "Caspian Minerals",
    "Altura Pharmaceuticals",
    "Kestrel Analytics",
    "Orion Steel",
    "Bluefield Foods",
    "Tarragon Telecom",
    "Pinecrest Insurance",
    "Silverline Rail",
    "Aurora Airlines",
    "Granite Peak Securities",
    "Redwood Motors",
];

pub const COUNTRIES: &[&str] = &[
    "France", "Germany", "Brazil", "India", "Japan", "Kenya", "Mexico", "Nigeria", "Poland", "Spain", "Turkey",
    "Ukraine", "Canada", "Chile", "Egypt", "Indonesia", "Italy", "Norway", "Peru", "Portugal", "Sweden", "Vietnam",
    "Argentina", "Ghana", "Greece", "Hungary", "Morocco", "Philippines", "Romania", "Thailand",
];

pub const CITIES: &[&str] = &[
    "London", "Paris", "Berlin", "Madrid", "Rome", "Warsaw", "Kyiv", "Istanbul", "Cairo", "Nairobi", "Lagos", "Mumbai",
    "Delhi", "Tokyo", "Seoul", "Beijing", "Jakarta", "Manila", "Sydney", "Toronto", "Washington", "New York",
    "Chicago", "Mexico City", "Bogota", "Lima", "Santiago", "Buenos Aires", "São Paulo", "Lisbon", "Brussels",
    "Geneva", "Vienna", "Prague", "Budapest", "Athens", "Oslo", "Stockholm", "Helsinki", "Dublin",
];

pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

pub const NOUNS: &[&str] = &[
    "budget", "plan", "deal", "agreement", "proposal", "reform", "tax", "tariff", "election", "vote", "strike",
    "inflation", "harvest", "drought", "flood", "pipeline", "bridge", "railway", "port", "hospital", "school",
    "pension", "wage", "loan", "debt", "bond", "currency", "export", "import", "ceasefire", "treaty", "investigation",
    "trial", "verdict", "merger", "takeover", "contract", "shortage", "surplus", "deficit", "subsidy", "price",
    "market", "factory", "mine", "reservoir", "airport", "housing", "rent", "vaccine", "outbreak", "protest", "curfew",
    "border", "coalition", "referendum", "audit", "scandal", "lawsuit", "dividend", "forecast", "recession",
    "recovery", "grid", "turbine", "emissions", "quota", "fishery", "crop", "fertiliser", "freight", "tunnel",
];

pub const NOUNS_PLURAL: &[&str] = &[
    "families", "farmers", "workers", "investors", "voters", "patients", "students", "pensioners", "residents",
    "exporters", "refugees", "teachers", "nurses", "drivers", "shareholders", "small businesses", "lawmakers",
    "consumers", "taxpayers", "commuters", "fishermen", "miners", "doctors", "landlords", "tenants", "suppliers",
];

pub const ADJECTIVES: &[&str] = &[
    "difficult", "important", "historic", "unacceptable", "necessary", "urgent", "serious", "modest", "dramatic",
    "significant", "fragile", "ambitious", "reasonable", "dangerous", "temporary", "unprecedented", "painful",
    "fair", "realistic", "encouraging", "disappointing", "complex", "costly", "sustainable", "premature", "decisive",
    "worrying", "remarkable", "transparent", "irresponsible",
];

pub const VERBS: &[&str] = &[
    "support", "oppose", "review", "reject", "welcome", "challenge", "delay", "approve", "expand", "reduce", "protect",
    "defend", "examine", "finance", "restore", "resolve", "monitor", "negotiate", "suspend", "extend", "question",
    "accelerate", "rebuild", "replace",
];

pub const GROUPS: &[&str] = &[
    "the government",
    "the opposition",
    "the central bank",
    "the unions",
    "the regulators",
    "the ministry",
    "the court",
    "the company",
    "the council",
    "our partners",
    "the board",
    "the committee",
];

/// Speech verbs after a closing mark ("…,” Name said.") with their weights implied by repetition.
pub const SAID_AFTER: &[&str] = &[
    "said", "said", "said", "said", "said", "said", "told reporters", "added", "said", "warned", "noted", "explained",
    "insisted", "argued", "said", "acknowledged", "stressed", "said", "told Reuters", "wrote",
];

/// Speech verbs before an opening mark ("Name said: “…”").
pub const SAID_BEFORE: &[&str] = &["said", "said", "said", "told reporters", "added", "wrote", "said", "warned"];

/// Quoted speech. Filled slots make each quote different.
pub const QUOTES: &[&str] = &[
    "We have always said that the {noun} must {verb} the interests of {nouns}",
    "This is a {adj} moment for {country} and for {nouns} across the region",
    "Nobody in {city} expected the {noun} to move this fast",
    "I think {group} understands that the {noun} is {adj}",
    "We will not {verb} a {noun} that leaves {nouns} worse off",
    "The numbers for {month} were {adj}, and we expect the same in {year}",
    "It is {adj} to talk about a {noun} before the {noun} is settled",
    "Our job is to {verb} the {noun}, not to {verb} it",
    "There are {num} {nouns} waiting for an answer, and they deserve one",
    "I have spoken to {group} every day this week",
    "What happened in {place} on {day} was {adj}",
    "We are asking {group} to {verb} the {noun} as soon as possible",
    "Frankly, the {noun} was never going to be {adj}",
    "If the {noun} fails, {nouns} will pay the price",
    "The {noun} is {adj}, but it is not the end of the story",
    "We expect {group} to {verb} the {noun} by the end of {month}",
    "People in {city} are tired of waiting for a {noun}",
    "I do not accept that the {noun} was {adj}",
    "This {noun} will cost about {num} million, and {nouns} will notice",
    "We spent {num} hours at the table and the {noun} is still not there",
    "It is a {adj} step, and we will {verb} it carefully",
    "My message to {nouns} is simple: the {noun} is coming",
    "There is no {noun} without {nouns}, and there are no {nouns} without a {noun}",
    "We will keep working with {group} on the {noun}",
    "The {noun} in {place} shows what happens when nobody plans ahead",
];

/// Short quotes used as partial quotes inside paraphrase.
pub const PARTIALS: &[&str] = &[
    "a {adj} mistake",
    "deeply {adj}",
    "a {noun} in name only",
    "{adj} and overdue",
    "the wrong {noun} at the wrong time",
    "a {adj} compromise",
];

/// Narrative sentences (no quotes).
pub const SENTENCES: &[&str] = &[
    "The {org} said on {day} that the {noun} would be reviewed before the end of {month}.",
    "Officials in {city} estimate that about {num} {nouns} are affected by the {noun}.",
    "The {noun} has divided {group} since it was first proposed in {year}.",
    "Shares in {company} fell {num} percent in early trading after the announcement.",
    "The talks in {city} are expected to resume next week, according to people familiar with the matter.",
    "Critics say the {noun} does too little for {nouns} in rural areas such as {place}.",
    "A similar {noun} was abandoned in {year} after months of protests in {city}.",
    "{country} imports nearly a third of its {noun} supplies, official figures show.",
    "The {org} did not respond to a request for comment.",
    "Analysts at {company} said the {noun} could add {num} million to the annual {noun} bill.",
    "The announcement came a day after {group} met in {city} to discuss the {noun}.",
    "Local media in {place} reported long queues outside banks and petrol stations.",
    "The {noun} must still be approved by parliament, where the ruling coalition has a narrow majority.",
    "Prices for {noun} have risen for {num} consecutive months, the {org} said.",
    "Since {month}, at least {num} {nouns} have left the region, aid groups say.",
    "The dispute dates back to a {noun} signed between {country} and {country} in {year}.",
    "Negotiators from {company} and the {org} met for {num} hours on {day}.",
    "Turnout in {place} was the lowest since {year}, election officials said.",
];

pub const LEADS: &[&str] = &[
    "The {org} on {day} announced a {adj} {noun} that would affect {num} {nouns}, ending weeks of uncertainty in {city}.",
    "{country} will {verb} its {noun} after a {adj} week of talks in {city}, officials said on {day}.",
    "Thousands of {nouns} gathered in {city} on {day} to protest against a {noun} they call {adj}.",
    "{company} said on {day} it would {verb} its {noun} in {country}, citing {adj} conditions.",
    "Lawmakers in {country} voted on {day} to {verb} the {noun}, a {adj} setback for {group}.",
    "A {adj} {noun} in {place} has left {num} {nouns} without support, local officials said on {day}.",
];

pub const HEADLINES: &[&str] = &[
    "{country} moves to {verb} {noun} as {nouns} wait",
    "{surname} warns of {adj} {noun} in {city}",
    "{company} to {verb} {noun} after {adj} year",
    "Talks on {noun} stall in {city}",
    "{nouns} in {place} brace for {noun}",
    "{org} backs {adj} {noun}",
    "Inside the fight over the {noun} in {country}",
    "Why the {noun} matters for {nouns}",
];

pub const SUBHEADINGS: &[&str] = &[
    "What happens next",
    "A long road",
    "Mixed reactions",
    "The cost of waiting",
    "Behind the numbers",
    "Pressure from {city}",
    "A {adj} deadline",
    "Voices from {place}",
    "The {noun} question",
];

/// Caption texts; a credit is appended in one of the shapes agencies use.
pub const CAPTIONS: &[&str] = &[
    "{name} speaks during a news conference in {city} on {month} {dom}, {year}.",
    "{Nouns} wait outside the {org} building in {city}.",
    "A view of the {noun} site near {place}, {country}.",
    "{name} arrives for a meeting of the {org} in {city}.",
    "In this photo, {nouns} gather in the main square of {place}.",
    "Workers repair a {noun} on the outskirts of {city} on {day}.",
    "This handout picture shows {name} visiting a {noun} in {place}.",
    "Police stand guard during a protest against the {noun} in {city}.",
];

/// Embedded post texts.
pub const POSTS: &[&str] = &[
    "Today we took a {adj} step on the {noun}. Thank you to everyone in {city} who made it possible.",
    "The {noun} is {adj}. {nouns} deserve better than this.",
    "Met with {group} in {city} to talk about the {noun}. More to come.",
    "Proud of the {nouns} of {place} tonight.",
    "We will {verb} the {noun}. No excuses.",
];

/// Invented place-name syllables: a long tail of rare words for the full-text index.
pub const SYLLABLES: &[&str] = &[
    "bel", "dor", "ka", "mar", "vin", "tho", "ran", "sel", "gu", "lo", "mir", "at", "en", "ost", "val", "bri", "cas",
    "dun", "fen", "hal", "ith", "jor", "kel", "lun", "nor", "pel", "qua", "rho", "sun", "tav", "ul", "wen",
];

pub const PLACE_SUFFIXES: &[&str] = &["", "", "", "ia", "ton", "burg", "ville", "stad", "abad", "grad", "ford", "holm"];
