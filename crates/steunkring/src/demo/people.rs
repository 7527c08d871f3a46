//! Demo cases that read like real ones, the same for the same seed: Dutch young people of 8–21
//! with mixed backgrounds, their parents, and networks of 3–40 people (about 15 on average) as a
//! wijkteam maps them: family, friends, school and work, clubs, faith, neighbours and
//! professionals, support flowing both ways, a few strained or broken ties, now and then someone
//! the young person rejects, and one or two chosen support figures.
//!
//! Everything random comes from one seeded [`StdRng`]; only the member ids are fresh UUIDs (they
//! must be unique in the database) and birth and opening dates count back from `today`.

use chrono::{Days, Months, NaiveDate};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeMap, BTreeSet};
use steunkring_domain::case::{CaseDetails, Parent, Setting};
use steunkring_domain::network::{
    ContactFrequency, Direction, KnownYears, Level, MemberId, MemberRole, NetworkMember, Ring,
    Sector, Stance, Support, SupportType, Tie, TieKind, TieQuality,
};
use steunkring_domain::{PersonName, TeamId, UserId};
use steunkring_store::ImportedCase;

/// The young person of the case the benchmark opens.
pub const BENCHMARK_NAME: &str = "Benchmark Bakker";
pub const BENCHMARK_MEMBERS: usize = 40;
pub const BENCHMARK_TIES: usize = 60;

// ----- names -----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Background {
    Dutch,
    Moroccan,
    Turkish,
    /// Surinamese and Antillean.
    Caribbean,
    Somali,
    Eritrean,
    Polish,
    Vietnamese,
    Afghan,
}

struct Names {
    background: Background,
    /// How often, relative to the others.
    weight: u32,
    boys: &'static [&'static str],
    girls: &'static [&'static str],
    men: &'static [&'static str],
    women: &'static [&'static str],
    grandfathers: &'static [&'static str],
    grandmothers: &'static [&'static str],
    surnames: &'static [&'static str],
}

#[rustfmt::skip]
static NAMES: [Names; 9] = [
    Names {
        background: Background::Dutch,
        weight: 55,
        boys: &["Sem", "Noah", "Daan", "Luuk", "Milan", "Levi", "Finn", "Bram", "Jesse", "Thijs",
            "Lucas", "Mees", "Sven", "Ruben", "Stijn", "Tijn", "Julian", "Gijs"],
        girls: &["Lotte", "Fleur", "Julia", "Emma", "Tess", "Sophie", "Mila", "Sara", "Anouk",
            "Saar", "Evi", "Noa", "Lieke", "Isa", "Roos", "Femke", "Jasmijn", "Fenna"],
        men: &["Mark", "Peter", "Erik", "Dennis", "Martijn", "Jeroen", "Richard", "Bas",
            "Patrick", "Sander", "Rob", "Michiel", "Arjen", "Wouter"],
        women: &["Sandra", "Marieke", "Esther", "Linda", "Petra", "Monique", "Anja", "Miranda",
            "Ingrid", "Kim", "Wendy", "Nicole", "Judith", "Marloes"],
        grandfathers: &["Henk", "Gerrit", "Wim", "Jan", "Kees", "Cor", "Bert", "Theo"],
        grandmothers: &["Ria", "Annie", "Truus", "Joke", "Greet", "Corrie", "Tineke", "Els"],
        surnames: &["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker",
            "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
            "Hendriks", "Dekker", "Brouwer", "de Wit", "Dijkstra", "van der Meer", "Kok",
            "Verhoeven", "Postma"],
    },
    Names {
        background: Background::Moroccan,
        weight: 13,
        boys: &["Mohammed", "Ayoub", "Adam", "Rayan", "Amine", "Bilal", "Yassin", "Imran",
            "Ilias", "Zakaria"],
        girls: &["Yasmin", "Nour", "Sara", "Amira", "Chaimae", "Aya", "Salma", "Ikram", "Malak",
            "Hiba"],
        men: &["Rachid", "Mustafa", "Ahmed", "Youssef", "Hassan", "Karim", "Said"],
        women: &["Fatima", "Samira", "Khadija", "Naima", "Latifa", "Malika", "Souad"],
        grandfathers: &["Mohamed", "Driss", "Abdelkader", "Omar"],
        grandmothers: &["Aicha", "Zohra", "Rkia", "Fatna"],
        surnames: &["El Amrani", "El Idrissi", "Bouzid", "Benali", "Ait Taleb", "Haddou",
            "El Khatib", "Azzouzi", "Boukhari", "Ouali"],
    },
    Names {
        background: Background::Turkish,
        weight: 11,
        boys: &["Emir", "Yusuf", "Mert", "Efe", "Kerem", "Burak", "Arda", "Emre", "Mehmet"],
        girls: &["Zeynep", "Elif", "Ecrin", "Ela", "Defne", "Esra", "Melis", "Azra", "Ceylin"],
        men: &["Hasan", "Murat", "Ali", "Hüseyin", "Osman", "Serkan", "Kemal"],
        women: &["Hatice", "Ayşe", "Emine", "Fatma", "Songül", "Derya", "Özlem"],
        grandfathers: &["Ahmet", "Mustafa", "İbrahim", "Halil"],
        grandmothers: &["Zehra", "Ayten", "Hanife", "Şerife"],
        surnames: &["Yılmaz", "Kaya", "Demir", "Öztürk", "Doğan", "Çelik", "Şahin", "Aydın",
            "Arslan", "Koç"],
    },
    Names {
        background: Background::Caribbean,
        weight: 10,
        boys: &["Jayden", "Dylan", "Shamiro", "Xavier", "Quincy", "Jaivy", "Rishi", "Devin"],
        girls: &["Shanaya", "Naomi", "Giovanna", "Priya", "Chanel", "Jamila", "Kiara", "Anjali"],
        men: &["Ricardo", "Roy", "Ravi", "Glenn", "Edwin", "Marciano"],
        women: &["Sharon", "Jennifer", "Sunita", "Marcia", "Gracia", "Shirley"],
        grandfathers: &["Rudolf", "Ramesh", "Lucien", "Frits"],
        grandmothers: &["Elvira", "Hilda", "Soeshila", "Carmen"],
        surnames: &["Pinas", "Martina", "Kartosen", "Doelwijt", "Ramdin", "Mahabier", "Sedney",
            "Rosalia", "Balentina", "Soekhai"],
    },
    Names {
        background: Background::Somali,
        weight: 3,
        boys: &["Abdi", "Mohamed", "Ayaan", "Abdullahi", "Hamza"],
        girls: &["Hodan", "Ilwad", "Sagal", "Ayan", "Nimco"],
        men: &["Abdirahman", "Hassan", "Ahmed", "Mahad"],
        women: &["Amina", "Sahra", "Faadumo", "Hibo"],
        grandfathers: &["Cabdi", "Yusuf"],
        grandmothers: &["Halima", "Asha"],
        surnames: &["Mohamud", "Abdullahi", "Farah", "Warsame", "Hussein"],
    },
    Names {
        background: Background::Eritrean,
        weight: 2,
        boys: &["Yonas", "Daniel", "Filmon", "Robel", "Natnael"],
        girls: &["Selam", "Hiwet", "Luwam", "Senait", "Feven"],
        men: &["Tesfaye", "Michael", "Yohannes", "Samuel"],
        women: &["Hiwet", "Mebrat", "Tsega", "Almaz"],
        grandfathers: &["Haile", "Gebre"],
        grandmothers: &["Letemariam", "Abrehet"],
        surnames: &["Tesfay", "Haile", "Gebremedhin", "Tekle", "Berhane"],
    },
    Names {
        background: Background::Polish,
        weight: 3,
        boys: &["Kacper", "Jakub", "Szymon", "Filip", "Antoni"],
        girls: &["Zuzanna", "Maja", "Julia", "Zofia", "Hanna"],
        men: &["Tomasz", "Dariusz", "Piotr", "Krzysztof"],
        women: &["Agnieszka", "Katarzyna", "Magdalena", "Anna"],
        grandfathers: &["Jozef", "Stanisław"],
        grandmothers: &["Krystyna", "Barbara"],
        surnames: &["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński"],
    },
    Names {
        background: Background::Vietnamese,
        weight: 1,
        boys: &["Minh", "Duc", "Bao", "Khoa"],
        girls: &["Linh", "Mai", "Lan Anh", "Thao"],
        men: &["Van Minh", "Quang", "Hung"],
        women: &["Thi Lan", "Hoa", "Huong"],
        grandfathers: &["Van Long"],
        grandmothers: &["Thi Hoa"],
        surnames: &["Nguyen", "Tran", "Le", "Pham"],
    },
    Names {
        background: Background::Afghan,
        weight: 2,
        boys: &["Aras", "Omid", "Samir", "Farhad", "Ali"],
        girls: &["Roza", "Layla", "Parisa", "Mina", "Sahar"],
        men: &["Farid", "Hamid", "Nasir", "Jawad"],
        women: &["Parisa", "Fatima", "Zahra", "Nazanin"],
        grandfathers: &["Ahmad", "Ghulam"],
        grandmothers: &["Leila", "Bibi"],
        surnames: &["Rahimi", "Hosseini", "Ahmadi", "Karimi", "Sultani"],
    },
];

/// Short names young people go by.
const NICKNAMES: [(&str, &str); 8] = [
    ("Mohammed", "Mo"),
    ("Yasmin", "Yas"),
    ("Zakaria", "Zak"),
    ("Jayden", "Jay"),
    ("Giovanna", "Gio"),
    ("Abdirahman", "Abdi"),
    ("Shamiro", "Sham"),
    ("Zuzanna", "Zuza"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sex {
    Female,
    Male,
}

// ----- kinds of members -----

/// Who a member is, for the name and whether they are an adult.
#[derive(Clone, Copy)]
enum Person {
    /// Someone about the young person's age (a friend, a sibling, a cousin).
    Young(Option<Sex>),
    Adult(Option<Sex>),
    Elder(Option<Sex>),
    /// A club, place of worship or community centre (level: voluntary collective).
    Place(&'static [&'static str]),
}

/// Which surname a relative has.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Surname {
    /// The young person's own.
    Family,
    /// The young person's, or (from the mother's side) the mother's.
    Either,
    /// Their own: not family, or family by marriage.
    Own,
}

use Direction::{FromYouth, Mutual, ToYouth};
use SupportType::{Advice, Emotional, Financial, Mobilising, Parental, Practical, RoleModel};

/// A relation as it appears on maps, with how such a member usually looks.
struct Kind {
    /// In Dutch, as the young person says it.
    relation: &'static str,
    sector: Sector,
    person: Person,
    surname: Surname,
    level: Level,
    /// Weights for inner, middle, outer ring.
    rings: [u32; 3],
    /// Weights for not at all, a few times a year, monthly, weekly, daily.
    contact: [u32; 5],
    /// Weights for less than one, one to five, more than five years.
    known: [u32; 3],
    /// Each with the percentage of members of this kind who give or get it.
    support: &'static [(SupportType, Direction, u32)],
    /// Percentage with a stressful or broken tie to the young person.
    strain: u32,
    /// At most this many in one network.
    max: usize,
    /// Only for young people of these ages.
    ages: (i32, i32),
    /// How often, relative to the other kinds of its sector.
    weight: u32,
    /// Only in families of these backgrounds (empty: any).
    backgrounds: &'static [Background],
}

const fn kind(relation: &'static str, sector: Sector, person: Person, level: Level) -> Kind {
    Kind {
        relation,
        sector,
        person,
        surname: Surname::Own,
        level,
        rings: [2, 5, 3],
        contact: [0, 2, 4, 3, 1],
        known: [2, 5, 3],
        support: &[],
        strain: 5,
        max: 1,
        ages: (0, 99),
        weight: 3,
        backgrounds: &[],
    }
}

const FAMILY: Level = Level::VoluntaryIndividual;
const VOLUNTEER: Level = Level::VoluntaryIndividual;
const PRO: Level = Level::ProfessionalIndividual;
const F: Option<Sex> = Some(Sex::Female);
const M: Option<Sex> = Some(Sex::Male);

const PARENT_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (Parental, ToYouth, 95),
    (Emotional, ToYouth, 75),
    (Practical, ToYouth, 60),
    (Financial, ToYouth, 55),
    (Advice, ToYouth, 30),
];
const SIBLING_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (Emotional, Mutual, 55),
    (Practical, Mutual, 25),
    (Advice, ToYouth, 15),
    (Parental, FromYouth, 10),
];
const GRANDPARENT_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (Emotional, ToYouth, 80),
    (Practical, FromYouth, 25),
    (Parental, ToYouth, 20),
    (Financial, ToYouth, 20),
    (RoleModel, ToYouth, 15),
];
const AUNT_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (Emotional, ToYouth, 60),
    (Advice, ToYouth, 45),
    (RoleModel, ToYouth, 25),
    (Practical, ToYouth, 20),
    (Mobilising, ToYouth, 10),
];
const FRIEND_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (Emotional, Mutual, 75),
    (Advice, Mutual, 30),
    (Practical, Mutual, 20),
];
const NEIGHBOUR_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (Practical, ToYouth, 60),
    (Emotional, ToYouth, 25),
    (Practical, FromYouth, 10),
    (Advice, ToYouth, 15),
];
const TEACHER_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (Advice, ToYouth, 80),
    (Mobilising, ToYouth, 40),
    (Emotional, ToYouth, 30),
    (RoleModel, ToYouth, 15),
];
const COACH_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (RoleModel, ToYouth, 65),
    (Emotional, ToYouth, 30),
    (Advice, ToYouth, 25),
    (Mobilising, ToYouth, 15),
];
const FAITH_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (Advice, ToYouth, 60),
    (RoleModel, ToYouth, 50),
    (Emotional, ToYouth, 25),
];
const PLACE_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (Mobilising, ToYouth, 60),
    (Practical, ToYouth, 30),
    (Emotional, ToYouth, 15),
];
const CARE_SUPPORT: &[(SupportType, Direction, u32)] = &[
    (Advice, ToYouth, 85),
    (Mobilising, ToYouth, 45),
    (Practical, ToYouth, 30),
    (Emotional, ToYouth, 30),
];

const MOTHER: Kind = Kind {
    surname: Surname::Own,
    rings: [9, 1, 0],
    contact: [0, 0, 0, 2, 8],
    known: [0, 0, 1],
    support: PARENT_SUPPORT,
    strain: 12,
    max: 2,
    ..kind("moeder", Sector::Family, Person::Adult(F), FAMILY)
};
const FATHER: Kind = Kind {
    surname: Surname::Family,
    rings: [8, 2, 0],
    contact: [0, 0, 1, 3, 6],
    known: [0, 0, 1],
    support: PARENT_SUPPORT,
    strain: 18,
    max: 2,
    ..kind("vader", Sector::Family, Person::Adult(M), FAMILY)
};
/// A parent outside the household, without gezag.
const ABSENT_FATHER: Kind = Kind {
    rings: [0, 3, 7],
    contact: [3, 4, 2, 1, 0],
    support: &[(Financial, ToYouth, 40), (Emotional, ToYouth, 20)],
    strain: 60,
    ..FATHER
};
const FOSTER_MOTHER: Kind = Kind {
    rings: [9, 1, 0],
    contact: [0, 0, 0, 0, 1],
    known: [5, 4, 1],
    support: PARENT_SUPPORT,
    strain: 8,
    ..kind("pleegmoeder", Sector::Family, Person::Adult(F), FAMILY)
};
const FOSTER_FATHER: Kind = Kind {
    relation: "pleegvader",
    person: Person::Adult(M),
    ..FOSTER_MOTHER
};

const fn professional(relation: &'static str) -> Kind {
    Kind {
        rings: [2, 5, 3],
        contact: [0, 1, 4, 5, 0],
        known: [6, 4, 0],
        support: CARE_SUPPORT,
        strain: 6,
        ..kind(relation, Sector::Professional, Person::Adult(None), PRO)
    }
}

const CLUBS: &[&str] = &["vv Demostad", "Boksschool De Vuist", "Zwemclub De Golf"];
const CENTRES: &[&str] = &[
    "Buurthuis De Schakel",
    "Wijkcentrum De Kroon",
    "Buurthuis Het Anker",
];
/// Families for whom an imam or a church youth leader is likely in the network.
const MOSQUE: &[Background] = &[
    Background::Moroccan,
    Background::Turkish,
    Background::Somali,
    Background::Afghan,
];
const CHURCH: &[Background] = &[
    Background::Dutch,
    Background::Caribbean,
    Background::Eritrean,
    Background::Polish,
];

/// The kinds a network is filled with, after the parents and the help the setting brings.
#[rustfmt::skip]
const KINDS: &[Kind] = &[
    // family
    Kind {
        rings: [5, 4, 1], contact: [0, 0, 0, 2, 8], known: [3, 5, 2], strain: 35, weight: 3,
        support: &[(Practical, ToYouth, 50), (Parental, ToYouth, 40), (Emotional, ToYouth, 30)],
        ..kind("stiefvader", Sector::Family, Person::Adult(M), FAMILY)
    },
    Kind {
        rings: [4, 5, 1], contact: [0, 0, 1, 4, 5], known: [3, 5, 2], strain: 30, weight: 2,
        support: &[(Practical, ToYouth, 50), (Emotional, ToYouth, 30), (Parental, ToYouth, 20)],
        ..kind("stiefmoeder", Sector::Family, Person::Adult(F), FAMILY)
    },
    Kind {
        surname: Surname::Family, rings: [7, 3, 0], contact: [0, 0, 1, 3, 6], known: [0, 1, 9],
        support: SIBLING_SUPPORT, strain: 10, max: 3, weight: 8,
        ..kind("broer", Sector::Family, Person::Young(M), FAMILY)
    },
    Kind {
        surname: Surname::Family, rings: [7, 3, 0], contact: [0, 0, 1, 3, 6], known: [0, 1, 9],
        support: SIBLING_SUPPORT, strain: 10, max: 3, weight: 8,
        ..kind("zus", Sector::Family, Person::Young(F), FAMILY)
    },
    Kind {
        surname: Surname::Either, rings: [3, 5, 2], known: [1, 4, 5], support: SIBLING_SUPPORT,
        strain: 12, weight: 2,
        ..kind("halfbroer", Sector::Family, Person::Young(M), FAMILY)
    },
    Kind {
        surname: Surname::Either, rings: [3, 5, 2], known: [1, 4, 5], support: SIBLING_SUPPORT,
        strain: 12, weight: 2,
        ..kind("halfzus", Sector::Family, Person::Young(F), FAMILY)
    },
    Kind {
        surname: Surname::Either, rings: [4, 5, 1], contact: [0, 1, 3, 5, 1], known: [0, 0, 1],
        support: GRANDPARENT_SUPPORT, strain: 4, max: 2, weight: 7,
        ..kind("oma", Sector::Family, Person::Elder(F), FAMILY)
    },
    Kind {
        surname: Surname::Either, rings: [3, 5, 2], contact: [0, 2, 3, 4, 1], known: [0, 0, 1],
        support: GRANDPARENT_SUPPORT, strain: 5, max: 2, weight: 6,
        ..kind("opa", Sector::Family, Person::Elder(M), FAMILY)
    },
    Kind {
        surname: Surname::Either, rings: [2, 6, 2], contact: [0, 2, 5, 3, 0], known: [0, 1, 9],
        support: AUNT_SUPPORT, strain: 6, max: 4, weight: 7,
        ..kind("tante", Sector::Family, Person::Adult(F), FAMILY)
    },
    Kind {
        surname: Surname::Either, rings: [2, 6, 2], contact: [0, 3, 5, 2, 0], known: [0, 1, 9],
        support: AUNT_SUPPORT, strain: 8, max: 4, weight: 6,
        ..kind("oom", Sector::Family, Person::Adult(M), FAMILY)
    },
    Kind {
        surname: Surname::Either, rings: [1, 5, 4], contact: [0, 4, 4, 2, 0], known: [0, 1, 9],
        max: 4, weight: 5,
        support: &[(Emotional, Mutual, 40), (Practical, Mutual, 15)],
        ..kind("neef", Sector::Family, Person::Young(M), FAMILY)
    },
    Kind {
        surname: Surname::Either, rings: [1, 5, 4], contact: [0, 4, 4, 2, 0], known: [0, 1, 9],
        max: 4, weight: 5,
        support: &[(Emotional, Mutual, 45), (Advice, Mutual, 15)],
        ..kind("nicht", Sector::Family, Person::Young(F), FAMILY)
    },
    // friends
    Kind {
        rings: [8, 2, 0], contact: [0, 0, 0, 4, 6], known: [1, 5, 4], support: FRIEND_SUPPORT,
        weight: 6,
        ..kind("beste vriend", Sector::Friends, Person::Young(M), VOLUNTEER)
    },
    Kind {
        rings: [8, 2, 0], contact: [0, 0, 0, 4, 6], known: [1, 5, 4], support: FRIEND_SUPPORT,
        weight: 6,
        ..kind("beste vriendin", Sector::Friends, Person::Young(F), VOLUNTEER)
    },
    Kind {
        rings: [2, 6, 2], contact: [0, 0, 1, 3, 6], known: [4, 5, 1], support: FRIEND_SUPPORT,
        max: 4, ages: (8, 18), weight: 8,
        ..kind("vriend uit de klas", Sector::Friends, Person::Young(M), VOLUNTEER)
    },
    Kind {
        rings: [2, 6, 2], contact: [0, 0, 1, 3, 6], known: [4, 5, 1], support: FRIEND_SUPPORT,
        max: 4, ages: (8, 18), weight: 8,
        ..kind("vriendin uit de klas", Sector::Friends, Person::Young(F), VOLUNTEER)
    },
    Kind {
        rings: [2, 5, 3], contact: [0, 0, 2, 6, 2], support: FRIEND_SUPPORT, max: 2, weight: 2,
        ..kind("vriend uit de buurt", Sector::Friends, Person::Young(M), VOLUNTEER)
    },
    Kind {
        rings: [2, 5, 3], contact: [0, 0, 2, 6, 2], support: FRIEND_SUPPORT, max: 2, weight: 2,
        ..kind("vriendin uit de buurt", Sector::Friends, Person::Young(F), VOLUNTEER)
    },
    Kind {
        rings: [1, 4, 5], contact: [1, 4, 4, 1, 0], known: [0, 3, 7], weight: 2,
        support: &[(Emotional, Mutual, 50)],
        ..kind("vriendin van vroeger", Sector::Friends, Person::Young(F), VOLUNTEER)
    },
    Kind {
        rings: [2, 5, 3], contact: [0, 1, 2, 5, 2], known: [3, 6, 1], support: FRIEND_SUPPORT,
        strain: 8, max: 2, ages: (16, 99), weight: 3,
        ..kind("collega", Sector::Friends, Person::Young(None), VOLUNTEER)
    },
    // neighbourhood
    Kind {
        rings: [1, 5, 4], contact: [0, 1, 3, 5, 1], known: [1, 4, 5], support: NEIGHBOUR_SUPPORT,
        max: 2, weight: 5,
        ..kind("buurvrouw", Sector::Neighbourhood, Person::Adult(F), VOLUNTEER)
    },
    Kind {
        rings: [1, 5, 4], contact: [0, 2, 3, 4, 1], known: [1, 4, 5], support: NEIGHBOUR_SUPPORT,
        max: 2, weight: 4,
        ..kind("buurman", Sector::Neighbourhood, Person::Adult(M), VOLUNTEER)
    },
    Kind {
        rings: [0, 4, 6], contact: [0, 3, 4, 3, 0], weight: 2,
        support: &[(Practical, ToYouth, 40), (Emotional, ToYouth, 20)],
        ..kind("moeder van een vriend", Sector::Neighbourhood, Person::Adult(F), VOLUNTEER)
    },
    // school and work
    Kind {
        rings: [1, 5, 4], contact: [0, 0, 1, 7, 2], known: [6, 4, 0], support: TEACHER_SUPPORT,
        ages: (12, 18), weight: 8,
        ..kind("mentor", Sector::SchoolWork, Person::Adult(None), PRO)
    },
    Kind {
        rings: [2, 6, 2], contact: [0, 0, 0, 2, 8], known: [8, 2, 0], support: TEACHER_SUPPORT,
        ages: (8, 12), weight: 6,
        ..kind("juf", Sector::SchoolWork, Person::Adult(F), PRO)
    },
    Kind {
        rings: [2, 6, 2], contact: [0, 0, 0, 2, 8], known: [8, 2, 0], support: TEACHER_SUPPORT,
        ages: (8, 12), weight: 3,
        ..kind("meester", Sector::SchoolWork, Person::Adult(M), PRO)
    },
    Kind {
        rings: [0, 4, 6], contact: [0, 2, 6, 2, 0], known: [5, 5, 0], ages: (8, 12), weight: 2,
        support: &[(Mobilising, ToYouth, 70), (Advice, ToYouth, 60)],
        ..kind("intern begeleider", Sector::SchoolWork, Person::Adult(None), PRO)
    },
    Kind {
        rings: [0, 5, 5], contact: [0, 0, 2, 7, 1], known: [8, 2, 0], support: TEACHER_SUPPORT,
        max: 2, ages: (12, 21), weight: 3,
        ..kind("docent", Sector::SchoolWork, Person::Adult(None), PRO)
    },
    Kind {
        rings: [1, 5, 4], contact: [0, 0, 3, 7, 0], known: [9, 1, 0], ages: (16, 21), weight: 5,
        support: &[(Advice, ToYouth, 70), (Mobilising, ToYouth, 55), (RoleModel, ToYouth, 30)],
        ..kind("stagebegeleider", Sector::SchoolWork, Person::Adult(None), PRO)
    },
    Kind {
        rings: [0, 4, 6], contact: [0, 0, 1, 8, 1], known: [6, 4, 0], strain: 10, ages: (15, 21),
        weight: 3,
        support: &[(RoleModel, ToYouth, 40), (Advice, ToYouth, 30), (Practical, FromYouth, 20)],
        ..kind("baas bij bijbaan", Sector::SchoolWork, Person::Adult(None), VOLUNTEER)
    },
    // leisure
    Kind {
        rings: [2, 5, 3], contact: [0, 0, 1, 9, 0], known: [2, 6, 2], support: COACH_SUPPORT,
        weight: 6,
        ..kind("trainer", Sector::Leisure, Person::Adult(None), VOLUNTEER)
    },
    Kind {
        rings: [2, 5, 3], contact: [0, 0, 2, 8, 0], known: [3, 6, 1], support: COACH_SUPPORT,
        weight: 3,
        ..kind("coach", Sector::Leisure, Person::Adult(None), VOLUNTEER)
    },
    Kind {
        rings: [1, 5, 4], contact: [0, 0, 1, 8, 1], known: [3, 6, 1], support: FRIEND_SUPPORT,
        max: 3, weight: 4,
        ..kind("teamgenoot", Sector::Leisure, Person::Young(None), VOLUNTEER)
    },
    Kind {
        rings: [1, 4, 5], contact: [0, 1, 3, 6, 0], known: [4, 5, 1], ages: (12, 21), weight: 3,
        support: &[(Advice, ToYouth, 60), (Mobilising, ToYouth, 50), (RoleModel, ToYouth, 30)],
        ..kind("jongerenwerker", Sector::Leisure, Person::Adult(None), PRO)
    },
    Kind {
        rings: [0, 3, 7], contact: [0, 1, 2, 7, 0], support: PLACE_SUPPORT, weight: 2,
        ..kind("sportclub", Sector::Leisure, Person::Place(CLUBS), Level::VoluntaryCollective)
    },
    // community and faith
    Kind {
        rings: [1, 4, 5], contact: [0, 2, 3, 5, 0], known: [1, 4, 5], support: FAITH_SUPPORT,
        weight: 4,
        backgrounds: MOSQUE,
        ..kind("imam", Sector::Community, Person::Adult(M), VOLUNTEER)
    },
    Kind {
        rings: [1, 5, 4], contact: [0, 1, 3, 6, 0], known: [1, 5, 4], support: FAITH_SUPPORT,
        weight: 4,
        backgrounds: CHURCH,
        ..kind("jeugdleider kerk", Sector::Community, Person::Adult(None), VOLUNTEER)
    },
    Kind {
        rings: [1, 5, 4], contact: [0, 0, 3, 7, 0], known: [5, 5, 0], weight: 3,
        support: &[(Emotional, ToYouth, 60), (Practical, ToYouth, 50), (Mobilising, ToYouth, 30)],
        ..kind("maatje", Sector::Community, Person::Adult(None), VOLUNTEER)
    },
    Kind {
        rings: [0, 4, 6], contact: [0, 2, 3, 5, 0], known: [2, 5, 3], support: PLACE_SUPPORT,
        weight: 2,
        ..kind("buurthuis", Sector::Community, Person::Place(CENTRES), Level::VoluntaryCollective)
    },
    // professionals
    Kind {
        ages: (8, 18), contact: [0, 6, 3, 1, 0],
        support: &[(Advice, ToYouth, 80), (Mobilising, ToYouth, 20)],
        ..professional("jeugdarts")
    },
    Kind {
        contact: [0, 6, 3, 1, 0], known: [1, 3, 6], weight: 2,
        support: &[(Advice, ToYouth, 80), (Practical, ToYouth, 20)],
        ..professional("huisarts")
    },
    Kind {
        weight: 3,
        ..professional("ambulant hulpverlener")
    },
    Kind {
        strain: 15, weight: 2,
        ..professional("jeugdbeschermer")
    },
    Kind {
        weight: 2,
        support: &[(Emotional, ToYouth, 70), (Advice, ToYouth, 70)],
        ..professional("psycholoog")
    },
    Kind {
        ages: (10, 18), weight: 2,
        ..professional("schoolmaatschappelijk werker")
    },
    Kind {
        ages: (16, 21), weight: 2,
        support: &[(Mobilising, ToYouth, 80), (Advice, ToYouth, 70), (Practical, ToYouth, 40)],
        ..professional("trajectbegeleider")
    },
];

/// When every other kind is used up (only in very large networks).
const ACQUAINTANCE: Kind = Kind {
    rings: [0, 3, 7],
    contact: [0, 4, 4, 2, 0],
    support: &[(Emotional, Mutual, 20), (Practical, ToYouth, 20)],
    max: usize::MAX,
    ..kind("kennis", Sector::Friends, Person::Adult(None), VOLUNTEER)
};

/// Which part of life an extra member comes from, relatively.
const SECTOR_WEIGHTS: [(Sector, u32); 7] = [
    (Sector::Family, 30),
    (Sector::Friends, 24),
    (Sector::SchoolWork, 12),
    (Sector::Leisure, 10),
    (Sector::Neighbourhood, 8),
    (Sector::Community, 5),
    (Sector::Professional, 11),
];

const SETTING_WEIGHTS: [(Setting, u32); 6] = [
    (Setting::Wijkteam, 34),
    (Setting::AmbulantSpecialist, 26),
    (Setting::FosterCare, 14),
    (Setting::Residential, 12),
    (Setting::Crisis, 8),
    (Setting::Jeugdzorgplus, 6),
];

/// Youth care sees more teenagers than young children: weights for ages 8 to 21.
const AGE_WEIGHTS: [u32; 14] = [3, 4, 5, 6, 7, 8, 9, 9, 9, 8, 6, 4, 3, 2];
const YOUNGEST: i32 = 8;

const PARENT_RELATIONS: [&str; 6] = [
    "moeder",
    "vader",
    "stiefmoeder",
    "stiefvader",
    "pleegmoeder",
    "pleegvader",
];

/// `{name}` is the young person's first (or preferred) name.
const PROTECTIVE: [&str; 10] = [
    "Neemt {name} elke zaterdag mee naar voetbal.",
    "{name} kan hier altijd terecht als het thuis onrustig is.",
    "Helpt {name} met huiswerk en plannen.",
    "Kookt op woensdag samen met {name}.",
    "Haalt {name} op van school als moeder moet werken.",
    "Weet wat er speelt en belt als het niet goed gaat.",
    "Geeft {name} een gevoel van thuis.",
    "Brengt {name} naar afspraken bij de huisarts.",
    "Heeft {name} geholpen aan een bijbaan.",
    "Is rustig en betrouwbaar; {name} voelt zich hier veilig.",
];

const STRAIN_RISKS: [&str; 5] = [
    "Loyaliteitsconflict: vindt het lastig om zorgen over thuis te melden.",
    "Contact loopt vaak uit op ruzie.",
    "Spreekt {name} tegen over afspraken met school.",
    "Eigen problemen (schulden, gezondheid) maken dat er weinig ruimte is.",
    "Neemt {name} mee naar plekken waar gebruikt wordt.",
];

const REJECTION_RISKS: [&str; 5] = [
    "{name} wil deze persoon niet bij het netwerkberaad; er zijn eerder bedreigingen geweest.",
    "Contact loopt uit op ruzie, vooral na alcoholgebruik.",
    "Heeft {name} onder druk gezet om geld te lenen.",
    "Omgang ligt stil; contact is op dit moment niet veilig.",
    "Betrokken bij criminaliteit in de wijk; {name} wil afstand houden.",
];

// ----- the generator -----

/// Makes demo cases one at a time, alternating the teams, all with the same network lead.
pub struct CaseMaker {
    rng: StdRng,
    today: NaiveDate,
    teams: Vec<TeamId>,
    lead: UserId,
    made: usize,
    /// How often each background of [`NAMES`] is drawn.
    backgrounds: [u32; 9],
    /// The names given in the case being made, so that no two members share one.
    taken: BTreeSet<String>,
}

/// The young person as the network is built around them.
struct Youth {
    /// The name used in notes: the preferred name, else the first name.
    call: String,
    first: &'static str,
    age: i32,
    background: usize,
    surname: &'static str,
    /// The background and surname of the mother, for relatives from her side.
    maternal_background: usize,
    maternal: &'static str,
}

impl CaseMaker {
    pub fn new(seed: u64, today: NaiveDate, teams: Vec<TeamId>, lead: UserId) -> CaseMaker {
        CaseMaker {
            rng: StdRng::seed_from_u64(seed),
            today,
            teams,
            lead,
            made: 0,
            backgrounds: std::array::from_fn(|i| NAMES.get(i).map_or(0, |n| n.weight)),
            taken: BTreeSet::new(),
        }
    }

    /// The next case: a young person, their parents and a network of 3–40 people.
    pub fn next_case(&mut self) -> anyhow::Result<ImportedCase> {
        let size = self.network_size();
        let ties = |n: usize, rng: &mut StdRng| {
            let share: f64 = rng.random_range(0.25..0.6);
            ((n as f64 * share).round() as usize).max(1)
        };
        self.case(None, size, &ties)
    }

    /// The case the benchmark opens: 40 members and 60 ties.
    pub fn benchmark_case(&mut self) -> anyhow::Result<ImportedCase> {
        self.case(Some(BENCHMARK_NAME), BENCHMARK_MEMBERS, &|_, _| {
            BENCHMARK_TIES
        })
    }

    fn case(
        &mut self,
        name: Option<&'static str>,
        size: usize,
        tie_count: &dyn Fn(usize, &mut StdRng) -> usize,
    ) -> anyhow::Result<ImportedCase> {
        let team_id = self
            .teams
            .get(self.made % self.teams.len().max(1))
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("the demo organisation has no teams"))?;
        self.made += 1;

        let background = if name.is_some() { 0 } else { self.background() };
        let names = &NAMES[background];
        let sex = if self.rng.random_bool(0.5) {
            Sex::Female
        } else {
            Sex::Male
        };
        let first = self.one(match sex {
            Sex::Female => names.girls,
            Sex::Male => names.boys,
        });
        let surname = if name.is_some() {
            "Bakker"
        } else {
            self.one(names.surnames)
        };
        let maternal_background = if self.rng.random_bool(0.8) {
            background
        } else {
            self.background()
        };
        let maternal = self.one(NAMES[maternal_background].surnames);
        let youth_name = match name {
            Some(name) => name.to_string(),
            None => format!("{first} {surname}"),
        };
        let preferred_name = NICKNAMES
            .iter()
            .find(|(full, _)| *full == first)
            .filter(|_| self.rng.random_bool(0.4))
            .map(|(_, short)| short.to_string());
        let gender = match self.rng.random_range(0..100) {
            0..4 => None,
            4..6 => Some("non-binair"),
            _ => Some(match sex {
                Sex::Female => "meisje",
                Sex::Male => "jongen",
            }),
        };
        let age = if name.is_some() {
            15
        } else {
            YOUNGEST + self.weighted(&AGE_WEIGHTS) as i32
        };
        let birth_date = self.birth_date(age)?;
        let mut setting = if name.is_some() {
            Setting::Wijkteam
        } else {
            SETTING_WEIGHTS[self.weighted(&SETTING_WEIGHTS.map(|(_, w)| w))].0
        };
        if setting == Setting::Jeugdzorgplus && age < 12 {
            setting = Setting::Residential;
        }
        let opened_on = self
            .today
            .checked_sub_days(Days::new(self.rng.random_range(7..=1_095)))
            .ok_or_else(|| anyhow::anyhow!("no date three years before {}", self.today))?;

        let first = match name {
            Some(name) => first_word(name),
            None => first,
        };
        let youth = Youth {
            call: preferred_name.clone().unwrap_or_else(|| first.to_string()),
            first,
            age,
            background,
            surname,
            maternal_background,
            maternal,
        };
        self.taken.clear();
        let (parents, mut members) = self.parents(&youth, setting, size);
        self.setting_help(&youth, setting, size, &mut members);
        self.fill(&youth, size, &mut members);
        self.support_figures(&mut members);
        if name.is_some() || self.rng.random_ratio(2, 25) {
            self.reject_one(&youth, &mut members);
        }
        let wanted_ties = tie_count(members.len(), &mut self.rng);
        let ties = self.ties(&members, wanted_ties);

        Ok(ImportedCase {
            details: CaseDetails {
                youth_name: PersonName::parse("youth_name", &youth_name)?,
                preferred_name,
                birth_date,
                gender: gender.map(str::to_string),
                setting,
                team_id,
                network_lead: Some(self.lead.clone()),
                parents,
            },
            opened_on,
            members,
            ties,
        })
    }

    /// Mostly 8–24 people around 14, sometimes a large network of 25–40; never fewer than 3.
    fn network_size(&mut self) -> usize {
        if self.rng.random_ratio(1, 20) {
            return self.rng.random_range(25..=40);
        }
        // The sum of four uniform numbers: roughly normal, standard deviation 0.577.
        let spread: f64 = (0..4).map(|_| self.rng.random::<f64>()).sum::<f64>() - 2.0;
        (14.0 + spread * 8.66).round().clamp(3.0, 28.0) as usize
    }

    /// A birth date that makes the young person exactly `age` today.
    fn birth_date(&mut self, age: i32) -> anyhow::Result<NaiveDate> {
        let years = |n: i32| {
            u32::try_from(12 * n)
                .ok()
                .and_then(|m| self.today.checked_sub_months(Months::new(m)))
        };
        let (Some(latest), Some(before)) = (years(age), years(age + 1)) else {
            anyhow::bail!("no birth date for age {age} on {}", self.today);
        };
        let span = (latest - before).num_days().max(1);
        let back = self.rng.random_range(0..span);
        latest
            .checked_sub_days(Days::new(back.unsigned_abs()))
            .ok_or_else(|| anyhow::anyhow!("no birth date for age {age}"))
    }

    /// The parents of the case (0–2, with or without gezag) and the network members they are,
    /// plus now and then the parent outside the household.
    fn parents(
        &mut self,
        youth: &Youth,
        setting: Setting,
        size: usize,
    ) -> (Vec<Parent>, Vec<NetworkMember>) {
        let count = match self.rng.random_range(0..100) {
            0..5 => 0,
            5..38 => 1,
            _ => 2,
        };
        let kinds: &[&Kind] = match count {
            0 => &[],
            1 if self.rng.random_ratio(4, 5) => &[&MOTHER],
            1 => &[&FATHER],
            _ if self.rng.random_ratio(3, 100) => &[&MOTHER, &MOTHER],
            _ => &[&MOTHER, &FATHER],
        };
        let gezag_chance = match setting {
            Setting::FosterCare | Setting::Jeugdzorgplus | Setting::Residential => 0.6,
            _ => 0.85,
        };
        let separated = count == 2 && self.rng.random_ratio(35, 100);
        let mut parents = Vec::new();
        let mut members = Vec::new();
        for (i, kind) in kinds.iter().enumerate() {
            let mut member = self.member(kind, youth);
            if kind.relation == "moeder" && self.rng.random_ratio(2, 5) {
                // Known by her married name.
                member.name = format!("{} {}", first_word(&member.name), youth.surname);
                self.taken.insert(member.name.clone());
            }
            let gezag = self.rng.random_bool(gezag_chance);
            if gezag {
                member.roles.push(MemberRole::ParentWithGezag);
            }
            if separated && i == 1 {
                member.ring = Ring::Middle;
                member.contact_frequency = Some(ContactFrequency::Weekly);
            }
            parents.push(Parent {
                name: member.name.clone(),
                gezag,
            });
            if members.len() < size {
                members.push(member);
            }
        }
        if count == 1 && members.len() < size && self.rng.random_ratio(2, 5) {
            let absent = if kinds.first().is_some_and(|k| k.relation == "vader") {
                Kind {
                    relation: "moeder",
                    person: Person::Adult(F),
                    surname: Surname::Own,
                    ..ABSENT_FATHER
                }
            } else {
                ABSENT_FATHER
            };
            let member = self.member(&absent, youth);
            members.push(member);
        }
        (parents, members)
    }

    /// The help the setting brings with it.
    fn setting_help(
        &mut self,
        youth: &Youth,
        setting: Setting,
        size: usize,
        members: &mut Vec<NetworkMember>,
    ) {
        let mut kinds: Vec<Kind> = Vec::new();
        match setting {
            Setting::Wijkteam => kinds.push(professional("wijkcoach")),
            Setting::AmbulantSpecialist => kinds.push(professional("ambulant hulpverlener")),
            Setting::Residential | Setting::Jeugdzorgplus => {
                kinds.push(Kind {
                    rings: [4, 5, 1],
                    contact: [0, 0, 0, 2, 8],
                    support: &[
                        (Practical, ToYouth, 70),
                        (Emotional, ToYouth, 50),
                        (Advice, ToYouth, 50),
                        (RoleModel, ToYouth, 20),
                    ],
                    ..professional("groepsleider")
                });
                if setting == Setting::Jeugdzorgplus || self.rng.random_bool(0.5) {
                    kinds.push(professional("jeugdbeschermer"));
                }
            }
            Setting::FosterCare => {
                if self.rng.random_bool(0.5) {
                    // Network foster care: an aunt or a grandmother takes the young person in.
                    let relative = KINDS
                        .iter()
                        .filter(|k| k.relation == "tante" || k.relation == "oma")
                        .nth(self.rng.random_range(0..2));
                    if let Some(relative) = relative {
                        kinds.push(Kind {
                            rings: [1, 0, 0],
                            contact: [0, 0, 0, 0, 1],
                            support: PARENT_SUPPORT,
                            strain: 5,
                            ..*relative
                        });
                    }
                } else {
                    kinds.push(FOSTER_MOTHER);
                    if self.rng.random_bool(0.7) {
                        kinds.push(FOSTER_FATHER);
                    }
                }
                kinds.push(professional("pleegzorgbegeleider"));
            }
            Setting::Crisis => {
                kinds.push(Kind {
                    known: [1, 0, 0],
                    contact: [0, 0, 0, 7, 3],
                    ..professional("crisishulpverlener")
                });
                if self.rng.random_bool(0.5) {
                    kinds.push(professional("jeugdbeschermer"));
                }
            }
        }
        for kind in &kinds {
            if members.len() >= size {
                break;
            }
            let mut member = self.member(kind, youth);
            if setting == Setting::FosterCare
                && (kind.relation == "tante" || kind.relation == "oma")
            {
                member.roles.push(MemberRole::NetworkFosterParent);
                member.tie_quality = Some(TieQuality::Supportive);
                member.available = true;
            }
            members.push(member);
        }
    }

    /// Adds members until the network has `size` of them: a part of life by weight, then a
    /// kind from it that fits the young person's age and has not been used up.
    fn fill(&mut self, youth: &Youth, size: usize, members: &mut Vec<NetworkMember>) {
        let mut used: BTreeMap<&str, usize> = BTreeMap::new();
        for m in members.iter() {
            *used.entry(relation_key(&m.relation)).or_default() += 1;
        }
        let background = NAMES[youth.background].background;
        while members.len() < size {
            let mut chosen: Option<&Kind> = None;
            for _ in 0..8 {
                let sector = SECTOR_WEIGHTS[self.weighted(&SECTOR_WEIGHTS.map(|(_, w)| w))].0;
                let fits: Vec<&Kind> = KINDS
                    .iter()
                    .filter(|k| {
                        k.sector == sector
                            && (k.ages.0..=k.ages.1).contains(&youth.age)
                            && (k.backgrounds.is_empty() || k.backgrounds.contains(&background))
                            && used.get(k.relation).copied().unwrap_or(0) < k.max
                    })
                    .collect();
                if !fits.is_empty() {
                    let weights: Vec<u32> = fits.iter().map(|k| k.weight).collect();
                    chosen = fits.get(self.weighted(&weights)).copied();
                    break;
                }
            }
            let kind = chosen.unwrap_or(&ACQUAINTANCE);
            *used.entry(kind.relation).or_default() += 1;
            let member = self.member(kind, youth);
            members.push(member);
        }
    }

    /// One or two informal adults become chosen support figures (*steunfiguur*).
    fn support_figures(&mut self, members: &mut [NetworkMember]) {
        let mut eligible: Vec<usize> = members
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                m.is_adult
                    && m.is_informal()
                    && m.level == Some(Level::VoluntaryIndividual)
                    && !PARENT_RELATIONS.contains(&m.relation.as_str())
                    && m.roles.is_empty()
                    && !m.tie_quality.is_some_and(TieQuality::is_strained)
            })
            .map(|(i, _)| i)
            .collect();
        let wanted = if self.rng.random_ratio(7, 20) { 2 } else { 1 };
        for _ in 0..wanted {
            if eligible.is_empty() {
                break;
            }
            let i = eligible.swap_remove(self.rng.random_range(0..eligible.len()));
            if let Some(m) = members.get_mut(i) {
                m.roles.push(MemberRole::SupportFigure);
                m.stance = Stance::Chosen;
                m.tie_quality = Some(TieQuality::Supportive);
                m.available = true;
                if m.ring == Ring::Outer {
                    m.ring = Ring::Middle;
                }
                if !m.gives(Emotional) {
                    m.support.retain(|s| s.kind != Emotional);
                    m.support.push(Support {
                        kind: Emotional,
                        direction: ToYouth,
                    });
                }
            }
        }
    }

    /// Someone the young person does not want involved, with the reason as a risk note.
    fn reject_one(&mut self, youth: &Youth, members: &mut [NetworkMember]) {
        let eligible: Vec<usize> = members
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                m.is_adult
                    && m.roles.is_empty()
                    && m.level == Some(Level::VoluntaryIndividual)
                    && matches!(m.sector, Sector::Family | Sector::Neighbourhood)
            })
            .map(|(i, _)| i)
            .collect();
        if eligible.is_empty() {
            return;
        }
        let i = eligible[self.rng.random_range(0..eligible.len())];
        let risk = self.note(&REJECTION_RISKS, youth);
        let quality = if self.rng.random_bool(0.6) {
            TieQuality::Broken
        } else {
            TieQuality::Stressful
        };
        let contact = if self.rng.random_bool(0.5) {
            ContactFrequency::NotAtAll
        } else {
            ContactFrequency::FewTimesAYear
        };
        if let Some(m) = members.get_mut(i) {
            m.stance = Stance::Rejected;
            m.tie_quality = Some(quality);
            m.ring = Ring::Outer;
            m.contact_frequency = Some(contact);
            m.available = false;
            m.support.clear();
            m.protective = None;
            m.risk = Some(risk);
        }
    }

    /// A member of `kind`, with a name, ring, support, tie quality and contact that fit it.
    fn member(&mut self, kind: &Kind, youth: &Youth) -> NetworkMember {
        let name = self.name(kind, youth);
        let is_adult = match kind.person {
            Person::Young(_) => {
                let spread = if kind.surname == Surname::Own {
                    -1..=2
                } else {
                    -6..=6
                };
                youth.age + self.rng.random_range(spread) >= 18
            }
            Person::Adult(_) | Person::Elder(_) | Person::Place(_) => true,
        };
        let paid = kind.level == PRO;
        let strained = self.rng.random_ratio(kind.strain, 100);
        let tie_quality = if strained {
            Some(if self.rng.random_ratio(3, 4) {
                TieQuality::Stressful
            } else {
                TieQuality::Broken
            })
        } else {
            match self.rng.random_range(0..100) {
                0..8 => None,
                8..12 if paid => None,
                8..24 => Some(TieQuality::Ambivalent),
                _ => Some(TieQuality::Supportive),
            }
        };
        let broken = tie_quality == Some(TieQuality::Broken);
        let mut support: Vec<Support> = Vec::new();
        for &(what, direction, percent) in kind.support {
            if !support.iter().any(|s| s.kind == what) && self.rng.random_ratio(percent, 100) {
                support.push(Support {
                    kind: what,
                    direction,
                });
            }
        }
        if support.is_empty()
            && !broken
            && let Some(&(what, direction, _)) = kind.support.first()
        {
            support.push(Support {
                kind: what,
                direction,
            });
        }
        if broken {
            support.retain(|s| s.kind == Financial);
        }
        let stance = match (strained, paid, self.rng.random_range(0..100)) {
            (true, _, 0..50) => Stance::Neutral,
            (true, _, _) => Stance::Accepted,
            (false, true, 0..50) => Stance::Neutral,
            (false, true, _) => Stance::Accepted,
            (false, false, 0..5) => Stance::Chosen,
            (false, false, 5..30) => Stance::Neutral,
            (false, false, _) => Stance::Accepted,
        };
        let ring = if broken {
            Ring::Outer
        } else {
            Ring::ALL[self.weighted(&kind.rings)]
        };
        let contact_frequency = if broken {
            Some(ContactFrequency::FewTimesAYear)
        } else if self.rng.random_ratio(1, 25) {
            None
        } else {
            ContactFrequency::from_score(self.weighted(&kind.contact) as u8)
        };
        let known_years = if self.rng.random_ratio(1, 25) {
            None
        } else {
            KnownYears::ALL.get(self.weighted(&kind.known)).copied()
        };
        let protective = (!paid && !strained && self.rng.random_ratio(3, 20))
            .then(|| self.note(&PROTECTIVE, youth));
        let risk =
            (strained && self.rng.random_ratio(3, 10)).then(|| self.note(&STRAIN_RISKS, youth));
        let level = if !paid && self.rng.random_ratio(1, 16) {
            None
        } else {
            Some(kind.level)
        };
        NetworkMember {
            id: MemberId::generate(),
            name,
            relation: kind.relation.to_string(),
            ring,
            sector: kind.sector,
            level,
            support,
            tie_quality,
            stance,
            roles: Vec::new(),
            protective,
            risk,
            available: !broken && self.rng.random_ratio(23, 25),
            is_adult,
            known_years,
            contact_frequency,
        }
    }

    /// A name no other member of the case has (after a few tries).
    fn name(&mut self, kind: &Kind, youth: &Youth) -> String {
        let mut name = self.draw_name(kind, youth);
        for _ in 0..5 {
            if !self.taken.contains(&name) {
                break;
            }
            name = self.draw_name(kind, youth);
        }
        self.taken.insert(name.clone());
        name
    }

    /// A name that fits the kind: relatives from the father's side carry the family's name,
    /// those from the mother's side hers; people from the young person's own community mostly
    /// share their background; anyone else has any background.
    fn draw_name(&mut self, kind: &Kind, youth: &Youth) -> String {
        let paternal = (youth.background, Some(youth.surname));
        let maternal = (youth.maternal_background, Some(youth.maternal));
        let (background, surname) = match kind.surname {
            Surname::Family => paternal,
            Surname::Either if self.rng.random_bool(0.5) => paternal,
            Surname::Either => maternal,
            Surname::Own if kind.relation == "moeder" => maternal,
            Surname::Own if kind.sector == Sector::Community && self.rng.random_ratio(9, 10) => {
                (youth.background, None)
            }
            Surname::Own => (self.background(), None),
        };
        let names = &NAMES[background];
        let mut sex = |given: Option<Sex>| {
            given.unwrap_or(if self.rng.random_bool(0.5) {
                Sex::Female
            } else {
                Sex::Male
            })
        };
        let list = match kind.person {
            Person::Place(places) => return self.one(places).to_string(),
            Person::Young(given) => match sex(given) {
                Sex::Female => names.girls,
                Sex::Male => names.boys,
            },
            Person::Adult(given) => match sex(given) {
                Sex::Female => names.women,
                Sex::Male => names.men,
            },
            Person::Elder(given) => match sex(given) {
                Sex::Female => names.grandmothers,
                Sex::Male => names.grandfathers,
            },
        };
        let mut first = self.one(list);
        if first == youth.first {
            first = self.one(list);
        }
        let surname = match surname {
            Some(surname) => surname,
            None => self.one(names.surnames),
        };
        format!("{first} {surname}")
    }

    /// Ties between members: mostly within the family and among friends, some between the
    /// family and the others, a few between professionals. Exactly `wanted` of them when the
    /// network has that many pairs.
    fn ties(&mut self, members: &[NetworkMember], wanted: usize) -> Vec<Tie> {
        let mut candidates: Vec<(f64, usize, usize, TieKind)> = Vec::new();
        let mut others: Vec<(usize, usize)> = Vec::new();
        for (i, a) in members.iter().enumerate() {
            for (j, b) in members.iter().enumerate().skip(i + 1) {
                match self.tie_between(a, b) {
                    Some((priority, kind)) => {
                        // Weighted sampling without replacement (Efraimidis–Spirakis).
                        let key = self.rng.random::<f64>().powf(1.0 / priority);
                        candidates.push((key, i, j, kind));
                    }
                    None => others.push((i, j)),
                }
            }
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0));
        let mut chosen: Vec<(usize, usize, TieKind)> = candidates
            .into_iter()
            .take(wanted)
            .map(|(_, i, j, kind)| (i, j, kind))
            .collect();
        while chosen.len() < wanted && !others.is_empty() {
            let (i, j) = others.swap_remove(self.rng.random_range(0..others.len()));
            chosen.push((i, j, TieKind::Knows));
        }
        chosen
            .into_iter()
            .filter_map(|(i, j, kind)| {
                Some(Tie {
                    from: members.get(i)?.id.clone(),
                    to: members.get(j)?.id.clone(),
                    kind,
                })
            })
            .collect()
    }

    /// Whether two members are likely to know each other, how likely, and how they get on.
    fn tie_between(&mut self, a: &NetworkMember, b: &NetworkMember) -> Option<(f64, TieKind)> {
        use Sector::{
            Community, Family, Friends, Leisure, Neighbourhood, Professional, SchoolWork,
        };
        let parent = |m: &NetworkMember| PARENT_RELATIONS.contains(&m.relation.as_str());
        // Weights for knows, supportive, ambivalent, stressful, broken.
        let (priority, weights): (f64, [u32; 5]) = match (a.sector, b.sector) {
            _ if parent(a) && parent(b) => (8.0, [10, 40, 20, 20, 10]),
            (Family, Family) => (5.0, [30, 50, 12, 6, 2]),
            (Friends, Friends) | (Leisure, Leisure) => (4.0, [55, 40, 3, 2, 0]),
            (Family, Friends) | (Friends, Family) => (2.0, [80, 15, 3, 2, 0]),
            (Family, Neighbourhood) | (Neighbourhood, Family) => (1.5, [60, 35, 3, 2, 0]),
            (Professional, Professional)
            | (Professional, SchoolWork)
            | (SchoolWork, Professional) => (1.5, [50, 50, 0, 0, 0]),
            (Family, Professional) | (Professional, Family) if parent(a) || parent(b) => {
                (1.5, [55, 25, 12, 8, 0])
            }
            (Family, Leisure | Community | SchoolWork)
            | (Leisure | Community | SchoolWork, Family)
            | (Friends, Leisure | SchoolWork)
            | (Leisure | SchoolWork, Friends) => (1.0, [75, 20, 5, 0, 0]),
            _ => return None,
        };
        Some((priority, TieKind::ALL[self.weighted(&weights)]))
    }

    /// One of [`NAMES`], by how often each background is drawn.
    fn background(&mut self) -> usize {
        let weights = self.backgrounds;
        self.weighted(&weights)
    }

    fn note(&mut self, notes: &[&str], youth: &Youth) -> String {
        self.one(notes).replace("{name}", &youth.call)
    }

    /// An item of a non-empty list, uniformly.
    fn one<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list.get(self.rng.random_range(0..list.len().max(1)))
            .copied()
            .unwrap_or_default()
    }

    /// An index into `weights`, each chosen in proportion to its weight.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        if total == 0 {
            return 0;
        }
        let mut pick = self.rng.random_range(0..total);
        for (i, w) in weights.iter().enumerate() {
            if pick < *w {
                return i;
            }
            pick -= w;
        }
        0
    }
}

fn first_word(name: &str) -> &str {
    name.split(' ').next().unwrap_or(name)
}

/// The kind a stored relation counts against (the parents' kinds are not in [`KINDS`]).
fn relation_key(relation: &str) -> &'static str {
    KINDS
        .iter()
        .map(|k| k.relation)
        .find(|r| *r == relation)
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use steunkring_domain::case::age_on;
    use steunkring_domain::network::{NewMember, NumberOrText, RawMember, RawSupport};

    fn maker(seed: u64) -> CaseMaker {
        CaseMaker::new(
            seed,
            NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"),
            vec![TeamId::from_stored("centrum"), TeamId::from_stored("noord")],
            UserId::from_stored("lead"),
        )
    }

    fn cases(seed: u64, n: usize) -> Vec<ImportedCase> {
        let mut m = maker(seed);
        (0..n).map(|_| m.next_case().expect("case")).collect()
    }

    /// Everything but the member ids.
    fn shape(c: &ImportedCase) -> String {
        let members: Vec<String> = c
            .members
            .iter()
            .map(|m| {
                format!(
                    "{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
                    m.name,
                    m.relation,
                    m.ring,
                    m.level,
                    m.support,
                    m.tie_quality,
                    m.stance,
                    m.roles,
                    m.contact_frequency,
                    m.risk
                )
            })
            .collect();
        let position = |id: &MemberId| c.members.iter().position(|m| &m.id == id);
        let ties: Vec<String> = c
            .ties
            .iter()
            .map(|t| format!("{:?}-{:?}-{:?}", position(&t.from), position(&t.to), t.kind))
            .collect();
        format!("{:?}\n{members:?}\n{ties:?}", c.details)
    }

    #[test]
    fn the_same_seed_gives_the_same_cases() {
        let a: Vec<String> = cases(7, 50).iter().map(shape).collect();
        let b: Vec<String> = cases(7, 50).iter().map(shape).collect();
        assert_eq!(a, b);
        let c: Vec<String> = cases(8, 50).iter().map(shape).collect();
        assert_ne!(a, c);
    }

    #[test]
    fn ages_sizes_settings_and_teams_are_spread() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        let all = cases(1, 3_000);
        let sizes: Vec<usize> = all.iter().map(|c| c.members.len()).collect();
        let mean = sizes.iter().sum::<usize>() as f64 / sizes.len() as f64;
        assert!((14.0..=16.0).contains(&mean), "mean network size {mean}");
        assert!(sizes.iter().all(|n| (3..=40).contains(n)), "{sizes:?}");
        assert!(sizes.iter().any(|n| *n <= 5) && sizes.iter().any(|n| *n >= 35));
        for c in &all {
            let age = age_on(c.details.birth_date, today);
            assert!((8..=21).contains(&age), "age {age}");
            assert!(c.details.parents.len() <= 2);
            assert!(c.opened_on < today && c.opened_on > c.details.birth_date);
            assert_eq!(c.details.network_lead, Some(UserId::from_stored("lead")));
        }
        for setting in Setting::ALL {
            assert!(
                all.iter().any(|c| c.details.setting == setting),
                "{setting:?}"
            );
        }
        let teams: Vec<&str> = all
            .iter()
            .take(4)
            .map(|c| c.details.team_id.as_str())
            .collect();
        assert_eq!(teams, ["centrum", "noord", "centrum", "noord"]);
        assert!(
            all.iter()
                .any(|c| c.details.parents.iter().any(|p| !p.gezag))
        );
        let surnames = all
            .iter()
            .filter(|c| c.details.youth_name.as_str().contains("El Amrani"))
            .count();
        assert!(surnames > 0, "mixed backgrounds");
    }

    #[test]
    fn members_pass_the_checks_of_the_member_form() {
        for c in cases(2, 500) {
            for m in &c.members {
                let raw = RawMember {
                    name: m.name.clone(),
                    relation: m.relation.clone(),
                    ring: Some(NumberOrText::Number(i64::from(m.ring.number()))),
                    sector: m.sector.as_str().into(),
                    level: m.level.map(|l| l.as_str().into()),
                    support: m
                        .support
                        .iter()
                        .map(|s| RawSupport {
                            kind: s.kind.as_str().into(),
                            direction: Some(s.direction.as_str().into()),
                        })
                        .collect(),
                    tie_quality: m.tie_quality.map(|q| q.as_str().into()),
                    stance: Some(m.stance.as_str().into()),
                    roles: m.roles.iter().map(|r| r.as_str().into()).collect(),
                    known_years: m.known_years.map(|k| k.as_str().into()),
                    contact_frequency: m
                        .contact_frequency
                        .map(|f| NumberOrText::Text(f.as_str().into())),
                    protective: m.protective.clone(),
                    risk: m.risk.clone(),
                    available: Some(m.available),
                    is_adult: Some(m.is_adult),
                };
                let parsed = NewMember::parse(&raw).expect("valid member");
                assert_eq!(&parsed.into_member(m.id.clone()), m);
                if m.sector == Sector::Professional {
                    assert_eq!(
                        m.level,
                        Some(Level::ProfessionalIndividual),
                        "{}",
                        m.relation
                    );
                }
            }
        }
    }

    #[test]
    fn ties_join_two_members_of_the_case_once() {
        for c in cases(3, 500) {
            let mut pairs = std::collections::BTreeSet::new();
            for t in &c.ties {
                assert_ne!(t.from, t.to);
                assert!(c.members.iter().any(|m| m.id == t.from));
                assert!(c.members.iter().any(|m| m.id == t.to));
                assert!(pairs.insert(t.pair()), "one tie per pair");
            }
            assert!(!c.ties.is_empty());
            assert!(c.ties.len() <= c.members.len());
        }
    }

    #[test]
    fn the_mix_has_strain_rejection_support_figures_and_every_sector() {
        let all = cases(4, 1_000);
        let members = || all.iter().flat_map(|c| &c.members);
        for sector in Sector::ALL {
            assert!(members().any(|m| m.sector == sector), "{sector:?}");
        }
        let strained = members()
            .filter(|m| m.tie_quality.is_some_and(TieQuality::is_strained))
            .count();
        let total = members().count();
        assert!(
            strained > 0 && strained * 8 < total,
            "{strained} of {total}"
        );
        let rejected: Vec<&NetworkMember> = members().filter(|m| m.is_rejected()).collect();
        assert!(
            rejected.len() > 30 && rejected.len() < 150,
            "{}",
            rejected.len()
        );
        assert!(rejected.iter().all(|m| m.risk.is_some()));
        for c in &all {
            let figures = c
                .members
                .iter()
                .filter(|m| m.roles.contains(&MemberRole::SupportFigure))
                .count();
            assert!(figures <= 2);
        }
        let with_figure = all
            .iter()
            .filter(|c| {
                c.members
                    .iter()
                    .any(|m| m.roles.contains(&MemberRole::SupportFigure))
            })
            .count();
        assert!(with_figure > 900, "{with_figure}");
        assert!(
            all.iter()
                .flat_map(|c| &c.ties)
                .any(|t| t.kind.is_strained())
        );
        assert!(members().any(|m| m.support.iter().any(|s| s.direction == FromYouth)));
        assert!(members().any(|m| m.support.iter().any(|s| s.direction == Mutual)));
    }

    #[test]
    fn parents_of_the_case_are_in_the_network() {
        for c in cases(5, 300) {
            for p in &c.details.parents {
                let member = c
                    .members
                    .iter()
                    .find(|m| m.name == p.name)
                    .expect("parent in the network");
                assert_eq!(member.roles.contains(&MemberRole::ParentWithGezag), p.gezag);
            }
        }
    }

    #[test]
    fn the_benchmark_case_has_40_members_and_60_ties() {
        let mut m = maker(9);
        let c = m.benchmark_case().expect("case");
        assert_eq!(c.details.youth_name.as_str(), BENCHMARK_NAME);
        assert_eq!(c.details.team_id.as_str(), "centrum");
        assert_eq!(c.members.len(), BENCHMARK_MEMBERS);
        assert_eq!(c.ties.len(), BENCHMARK_TIES);
        assert!(c.members.iter().any(|m| m.is_rejected()));
    }
}
