"""Word lists the demo generator draws from: enough variety to look like a real register."""

from __future__ import annotations

PARTY_WORDS = [  # (English, Chinese)
    ("Democratic", "民主"), ("People's", "人民"), ("Progressive", "进步"), ("Socialist", "社会主义"),
    ("Labour", "工人"), ("National", "民族"), ("Liberal", "自由"), ("Conservative", "保守"),
    ("Green", "绿色"), ("Republican", "共和"), ("Popular", "人民"), ("Revolutionary", "革命"),
    ("Social", "社会"), ("Christian", "基督教"), ("Patriotic", "爱国"), ("Independent", "独立"),
    ("United", "联合"), ("Civic", "公民"), ("Agrarian", "农民"), ("Federal", "联邦"),
    ("Renewal", "革新"), ("Workers'", "劳动"), ("Reform", "改革"), ("Solidarity", "团结"),
]
PARTY_NOUNS = [
    ("Party", "党"), ("Party", "党"), ("Party", "党"), ("Front", "阵线"), ("Movement", "运动"),
    ("Alliance", "联盟"), ("Congress", "大会党"), ("Union", "联盟"), ("Rally", "联盟"),
]
FIELDS = [
    ("Strategic Studies", "战略研究"), ("Development Studies", "发展研究"),
    ("International Affairs", "国际问题"), ("Public Policy", "公共政策"),
    ("Economic Research", "经济研究"), ("Social Sciences", "社会科学"),
]
MEDIA = [("Daily", "日报"), ("Herald", "先驱报"), ("Tribune", "论坛报"), ("News Agency", "通讯社"),
         ("Television", "电视台"), ("Voice", "之声")]
ENTERPRISE = [("Holdings", "控股"), ("Development Corporation", "开发公司"), ("Trading Company", "贸易公司"),
              ("Infrastructure Group", "基建集团")]
SUBNATIONAL = [("Northern Province", "北方省"), ("Capital Region", "首都大区"), ("Coastal State", "沿海州"),
               ("Central Province", "中部省"), ("Eastern Region", "东部大区")]
MULTILATERAL = [("Forum of Political Parties", "政党论坛"), ("Parliamentary Assembly", "议会大会"),
                ("Council of Parties", "政党理事会")]
IDEOLOGIES = ["Social democracy", "Democratic socialism", "Liberalism", "Conservatism",
              "Christian democracy", "Green politics", "Nationalism", "Communism", "Centrism",
              "Pan-Africanism", "Agrarianism", "Populism", "Socialism"]

GIVEN = {
    "Africa": ["Amina", "Kwame", "Thabo", "Fatima", "Chinedu", "Zanele", "Moussa", "Aisha", "Joseph",
               "Grace", "Samuel", "Nomvula", "Ibrahim", "Wanjiru", "Kofi", "Mariam"],
    "Americas": ["María", "José", "Ana", "Carlos", "Luisa", "João", "Fernanda", "Miguel", "Camila",
                 "Diego", "Sarah", "Michael", "Gabriela", "Rafael", "Lucía", "Pedro"],
    "Asia": ["Ahmad", "Siti", "Nguyen", "Priya", "Rahul", "Aigerim", "Tenzin", "Hiroshi", "Min-jun",
             "Nurul", "Bolat", "Anh", "Somchai", "Layla", "Omar", "Dilnoza"],
    "Europe": ["Anna", "Jan", "Marie", "Pierre", "Elena", "Dmitri", "Sofia", "Lukas", "Ivana",
               "Giorgos", "Katarzyna", "Erik", "Milan", "Ana", "Nikolai", "Clara"],
    "Oceania": ["Mere", "Tevita", "Losana", "Jack", "Olivia", "Sione", "Ana", "Peni", "Liam",
                "Salote", "Tomasi", "Emma"],
}
FAMILY = {
    "Africa": ["Mensah", "Okafor", "Dlamini", "Diallo", "Mwangi", "Traoré", "Banda", "Nkosi",
               "Abdullahi", "Haile", "Kamara", "Moyo", "Ndiaye", "Otieno"],
    "Americas": ["García", "Silva", "Rodríguez", "Martínez", "Santos", "López", "Pérez", "Gómez",
                 "Smith", "Oliveira", "Fernández", "Castro", "Morales", "Herrera"],
    "Asia": ["Rahman", "Tran", "Sharma", "Khan", "Wijaya", "Nurlanov", "Tanaka", "Kim", "Singh",
             "Hassan", "Karimov", "Pham", "Suzuki", "Aziz"],
    "Europe": ["Müller", "Novak", "Dubois", "Rossi", "Ivanov", "Kowalski", "Papadopoulos",
               "Jansen", "Horvat", "Petrov", "Larsen", "Fischer", "Popescu", "Costa"],
    "Oceania": ["Tupou", "Fifita", "Naidu", "Smith", "Vaai", "Ratu", "Brown", "Taufa", "Kioa"],
}
TITLES = ["President", "Secretary-General", "Chairperson", "Vice-President", "International Secretary",
          "Deputy Secretary-General", "Head of International Department", "Member of Parliament",
          "Director", "Spokesperson", "Youth Wing Leader", "Treasurer"]
LANGUAGES = {"Africa": ["English", "French", "Swahili", "Arabic", "Portuguese"],
             "Americas": ["Spanish", "Portuguese", "English"],
             "Asia": ["English", "Russian", "Arabic", "Chinese"],
             "Europe": ["English", "French", "German", "Russian", "Spanish"],
             "Oceania": ["English", "French"]}
OFFICERS = ["Li Wei", "Zhang Min", "Wang Fang", "Chen Jie", "Liu Yang", "Zhao Lei", "Sun Li",
            "Zhou Ning"]
PLATFORMS = ["Bilateral channel", "World Political Parties Summit", "Party-to-party dialogue",
             "International seminar series", "Young leaders programme", "Think tank forum",
             "Regional political parties forum", "Online dialogue"]
TITLE_TEMPLATES = {
    "inbound_visit": "Visit of the {org} delegation",
    "outbound_visit": "Delegation visit to {org}",
    "talks": "Talks with {org}",
    "meeting": "Meeting with the {org} leadership",
    "briefing": "Briefing for {org} on {topic}",
    "seminar": "Seminar on {topic} with {org}",
    "conference": "Conference on {topic}",
    "video_call": "Video call with {org}",
    "phone_call": "Phone call with {org}",
    "letter": "Letter of congratulations to {org}",
    "study_programme": "Study programme on {topic} for {org} cadres",
    "cooperation_project": "Cooperation project on {topic} with {org}",
    "other": "Exchange with {org}",
}
OUTCOMES = ["Agreed to deepen exchanges on {topic}.", "Signed a memorandum of understanding.",
            "Invited to the next annual forum.", "Agreed to exchange delegations next year.",
            "Follow-up materials on {topic} requested.", ""]
FOLLOWUPS = ["Send briefing materials on {topic}", "Arrange a return visit", "Share the seminar report",
             "Confirm participants for the study programme", "Reply to the invitation",
             "Prepare a draft cooperation agreement"]

# Where a visit's programme takes place: a few cities of the host country, the capital first.
# Visits go only to (and come only from) the countries listed here.
CITIES = {
    "AE": ["Abu Dhabi", "Dubai", "Sharjah"], "AL": ["Tirana", "Durrës", "Shkodër"],
    "AM": ["Yerevan", "Gyumri", "Vanadzor"], "AO": ["Luanda", "Huambo", "Benguela"],
    "AR": ["Buenos Aires", "Córdoba", "Rosario"], "AT": ["Vienna", "Graz", "Linz"],
    "AU": ["Canberra", "Sydney", "Melbourne"], "AZ": ["Baku", "Ganja", "Sumgait"],
    "BA": ["Sarajevo", "Banja Luka", "Mostar"], "BD": ["Dhaka", "Chittagong", "Khulna"],
    "BE": ["Brussels", "Antwerp", "Ghent"], "BF": ["Ouagadougou", "Bobo-Dioulasso", "Koudougou"],
    "BG": ["Sofia", "Plovdiv", "Varna"], "BJ": ["Porto-Novo", "Cotonou", "Parakou"],
    "BO": ["La Paz", "Santa Cruz de la Sierra", "Cochabamba"],
    "BR": ["Brasília", "São Paulo", "Rio de Janeiro"], "BW": ["Gaborone", "Francistown", "Maun"],
    "BY": ["Minsk", "Brest", "Gomel"], "CA": ["Ottawa", "Toronto", "Montreal"],
    "CD": ["Kinshasa", "Lubumbashi", "Goma"], "CG": ["Brazzaville", "Pointe-Noire", "Dolisie"],
    "CH": ["Bern", "Geneva", "Zurich"], "CI": ["Yamoussoukro", "Abidjan", "Bouaké"],
    "CL": ["Santiago", "Valparaíso", "Concepción"], "CM": ["Yaoundé", "Douala", "Bamenda"],
    "CN": ["Beijing", "Shanghai", "Chengdu"], "CO": ["Bogotá", "Medellín", "Cartagena"],
    "CR": ["San José", "Alajuela", "Limón"], "CU": ["Havana", "Santiago de Cuba", "Matanzas"],
    "CY": ["Nicosia", "Limassol", "Larnaca"], "CZ": ["Prague", "Brno", "Ostrava"],
    "DE": ["Berlin", "Hamburg", "Munich"], "DK": ["Copenhagen", "Aarhus", "Odense"],
    "DO": ["Santo Domingo", "Santiago de los Caballeros", "La Romana"],
    "DZ": ["Algiers", "Oran", "Constantine"], "EC": ["Quito", "Guayaquil", "Cuenca"],
    "EG": ["Cairo", "Alexandria", "Luxor"], "ES": ["Madrid", "Barcelona", "Seville"],
    "ET": ["Addis Ababa", "Bahir Dar", "Hawassa"], "FI": ["Helsinki", "Tampere", "Turku"],
    "FJ": ["Suva", "Nadi", "Lautoka"], "FR": ["Paris", "Lyon", "Marseille"],
    "GA": ["Libreville", "Port-Gentil", "Franceville"], "GB": ["London", "Manchester", "Edinburgh"],
    "GE": ["Tbilisi", "Batumi", "Kutaisi"], "GH": ["Accra", "Kumasi", "Tamale"],
    "GN": ["Conakry", "Kankan", "Labé"], "GR": ["Athens", "Thessaloniki", "Patras"],
    "GT": ["Guatemala City", "Quetzaltenango", "Antigua Guatemala"],
    "HN": ["Tegucigalpa", "San Pedro Sula", "La Ceiba"], "HR": ["Zagreb", "Split", "Rijeka"],
    "HU": ["Budapest", "Debrecen", "Szeged"], "ID": ["Jakarta", "Surabaya", "Bandung"],
    "IE": ["Dublin", "Cork", "Galway"], "IN": ["New Delhi", "Mumbai", "Bengaluru"],
    "IQ": ["Baghdad", "Basra", "Erbil"], "IR": ["Tehran", "Isfahan", "Mashhad"],
    "IT": ["Rome", "Milan", "Naples"], "JM": ["Kingston", "Montego Bay", "Spanish Town"],
    "JO": ["Amman", "Irbid", "Aqaba"], "JP": ["Tokyo", "Osaka", "Kyoto"],
    "KE": ["Nairobi", "Mombasa", "Kisumu"], "KG": ["Bishkek", "Osh", "Karakol"],
    "KH": ["Phnom Penh", "Siem Reap", "Battambang"], "KR": ["Seoul", "Busan", "Incheon"],
    "KZ": ["Astana", "Almaty", "Shymkent"], "LA": ["Vientiane", "Luang Prabang", "Pakse"],
    "LB": ["Beirut", "Tripoli", "Sidon"], "LK": ["Colombo", "Kandy", "Galle"],
    "MA": ["Rabat", "Casablanca", "Marrakesh"], "MD": ["Chișinău", "Bălți", "Cahul"],
    "ME": ["Podgorica", "Nikšić", "Budva"], "MG": ["Antananarivo", "Toamasina", "Mahajanga"],
    "MK": ["Skopje", "Bitola", "Ohrid"], "ML": ["Bamako", "Sikasso", "Ségou"],
    "MM": ["Naypyidaw", "Yangon", "Mandalay"], "MN": ["Ulaanbaatar", "Erdenet", "Darkhan"],
    "MW": ["Lilongwe", "Blantyre", "Mzuzu"], "MX": ["Mexico City", "Guadalajara", "Monterrey"],
    "MY": ["Kuala Lumpur", "Penang", "Johor Bahru"], "MZ": ["Maputo", "Beira", "Nampula"],
    "NA": ["Windhoek", "Walvis Bay", "Swakopmund"], "NE": ["Niamey", "Zinder", "Maradi"],
    "NG": ["Abuja", "Lagos", "Kano"], "NI": ["Managua", "León", "Granada"],
    "NL": ["Amsterdam", "The Hague", "Rotterdam"], "NO": ["Oslo", "Bergen", "Trondheim"],
    "NP": ["Kathmandu", "Pokhara", "Lalitpur"], "NZ": ["Wellington", "Auckland", "Christchurch"],
    "PA": ["Panama City", "Colón", "David"], "PE": ["Lima", "Arequipa", "Cusco"],
    "PG": ["Port Moresby", "Lae", "Mount Hagen"], "PH": ["Manila", "Cebu City", "Davao City"],
    "PK": ["Islamabad", "Lahore", "Karachi"], "PL": ["Warsaw", "Kraków", "Gdańsk"],
    "PT": ["Lisbon", "Porto", "Coimbra"], "PY": ["Asunción", "Ciudad del Este", "Encarnación"],
    "RO": ["Bucharest", "Cluj-Napoca", "Iași"], "RS": ["Belgrade", "Novi Sad", "Niš"],
    "RU": ["Moscow", "Saint Petersburg", "Kazan"], "RW": ["Kigali", "Huye", "Musanze"],
    "SA": ["Riyadh", "Jeddah", "Dammam"], "SE": ["Stockholm", "Gothenburg", "Malmö"],
    "SG": ["Singapore"], "SK": ["Bratislava", "Košice", "Žilina"],
    "SN": ["Dakar", "Saint-Louis", "Thiès"], "SR": ["Paramaribo", "Nieuw Nickerie", "Moengo"],
    "SV": ["San Salvador", "Santa Ana", "San Miguel"], "SY": ["Damascus", "Aleppo", "Latakia"],
    "TH": ["Bangkok", "Chiang Mai", "Khon Kaen"], "TJ": ["Dushanbe", "Khujand", "Kulob"],
    "TN": ["Tunis", "Sfax", "Sousse"], "TR": ["Ankara", "Istanbul", "Izmir"],
    "TZ": ["Dodoma", "Dar es Salaam", "Arusha"], "UA": ["Kyiv", "Lviv", "Odesa"],
    "UG": ["Kampala", "Entebbe", "Gulu"], "US": ["Washington, D.C.", "New York", "Chicago"],
    "UY": ["Montevideo", "Salto", "Punta del Este"], "UZ": ["Tashkent", "Samarkand", "Bukhara"],
    "VE": ["Caracas", "Maracaibo", "Valencia"], "VN": ["Hanoi", "Ho Chi Minh City", "Da Nang"],
    "ZA": ["Pretoria", "Johannesburg", "Cape Town"], "ZM": ["Lusaka", "Ndola", "Livingstone"],
    "ZW": ["Harare", "Bulawayo", "Mutare"],
}
SITES = [  # (a site visit's title, the place)
    ("Visit to an industrial park", "Economic and technological development zone"),
    ("Visit to a rural cooperative", "Agricultural cooperative"),
    ("Tour of the national museum", "National Museum"),
    ("Visit to a technology incubator", "Innovation centre"),
    ("Visit to a community service centre", "Neighbourhood community centre"),
    ("Visit to the port", "Container terminal"),
    ("Visit to a vocational school", "Vocational training college"),
    ("Visit to a renewable energy plant", "Solar and wind power station"),
    ("Visit to a poverty-reduction project", "Village development project"),
    ("Visit to a party school", "Party school"),
    ("Tour of the old town", "Historic centre"),
    ("Visit to a hospital", "Municipal hospital"),
]
VENUES = ["Party headquarters", "State Guest House", "Government offices", "Parliament building",
          "Conference centre", "Delegation hotel", "City hall"]
GIFTS = ["Hand-painted porcelain vase", "Framed photograph of the two delegations", "Silk scarf",
         "Set of local teas", "Book of photographs of the country", "Commemorative medal",
         "Wood carving by a local artist", "Hand-woven textile", "Book on the party's history",
         "Painting of the capital", "Ceramic bowl from a local workshop", "Bronze statuette"]
