package recognizers

// knownOrganizations are the Belgian institutions, mutualities, unions,
// banks, insurers and service providers that nearly every administrative
// letter names, in Dutch, French and German, with their acronyms. We keep
// the list ourselves, from general knowledge. Each name is written as it is
// usually printed; orgVariants adds the forms in capitals and with other
// capitalisation of later words. A name appears here only where it names
// one organisation: bare generic words ("OCMW", "CPAS", "FOD" without a
// department) and registers ("Rijksregister") are left out.
var knownOrganizations = []string{
	// Unemployment.
	"RVA", "ONEM", "LfA",
	"Rijksdienst voor Arbeidsvoorziening", "Office national de l'emploi",
	"Office national de l'Emploi", "Landesamt für Arbeitsbeschaffung",
	"HVW", "CAPAC", "Hulpkas voor Werkloosheidsuitkeringen",
	"Caisse auxiliaire de paiement des allocations de chômage",

	// Health and disability insurance.
	"RIZIV", "INAMI", "LIKIV",
	"Rijksinstituut voor Ziekte- en Invaliditeitsverzekering",
	"Institut national d'assurance maladie-invalidité",
	"Landesinstitut für Kranken- und Invalidenversicherung",
	"HZIV", "CAAMI", "HKIV",
	"Hulpkas voor Ziekte- en Invaliditeitsverzekering",
	"Caisse auxiliaire d'assurance maladie-invalidité",
	"Hilfskasse für Kranken- und Invaliditätsversicherung",
	"HR Rail",

	// Contributions, self-employed, pensions, family allowances, risks.
	"RSZ", "ONSS", "LSS",
	"Rijksdienst voor Sociale Zekerheid", "Office national de sécurité sociale",
	"Landesamt für soziale Sicherheit",
	"RSVZ", "INASTI",
	"Rijksinstituut voor de Sociale Verzekeringen der Zelfstandigen",
	"Institut national d'assurances sociales pour travailleurs indépendants",
	"Federale Pensioendienst", "FPD", "Service fédéral des Pensions", "SFP",
	"Föderaler Pensionsdienst", "Rijksdienst voor Pensioenen",
	"Office national des Pensions", "ONP", "RVP",
	"FAMIFED", "Famifed", "Federaal agentschap voor de kinderbijslag",
	"Agence fédérale pour les allocations familiales",
	"Fedris", "FEDRIS", "Federaal agentschap voor beroepsrisico's",
	"Agence fédérale des risques professionnels",
	"DAVO", "SECAL", "Dienst voor Alimentatievorderingen",
	"Service des créances alimentaires",

	// Other federal services and bodies.
	"POD Maatschappelijke Integratie", "POD MI", "SPP Intégration sociale",
	"SPP IS", "ÖPD Sozialeingliederung",
	"Fedasil", "Dienst Vreemdelingenzaken", "DVZ", "Office des Étrangers",
	"Office des étrangers", "CGVS", "CGRA",
	"Commissariaat-generaal voor de Vluchtelingen en de Staatlozen",
	"Commissariat général aux réfugiés et aux apatrides",
	"FAVV", "AFSCA",
	"Federaal Agentschap voor de Veiligheid van de Voedselketen",
	"Agence fédérale pour la sécurité de la chaîne alimentaire",
	"FSMA", "NBB", "Nationale Bank van België", "Banque nationale de Belgique",
	"Nationalbank von Belgien",
	"Federale Politie", "Police fédérale", "Föderale Polizei",
	"Regie der Gebouwen", "Régie des Bâtiments", "Sciensano",
	"Federale Ombudsman", "Médiateur fédéral", "Unia", "Myria", "Child Focus",
	"NMBS", "SNCB", "bpost", "Bpost", "BPOST", "bpost bank", "bpost banque",

	// Courts of the whole country.
	"Raad van State", "Conseil d'État", "Staatsrat",
	"Grondwettelijk Hof", "Cour constitutionnelle", "Verfassungsgerichtshof",
	"Hof van Cassatie", "Cour de cassation", "Kassationshof",
	"Rekenhof", "Cour des comptes", "Rechnungshof",

	// Flanders.
	"VDAB", "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding",
	"Kind en Gezin", "Opgroeien", "Agentschap Opgroeien",
	"VAPH", "Vlaams Agentschap voor Personen met een Handicap",
	"Agentschap Zorg en Gezondheid", "Vlaamse Sociale Bescherming",
	"Vlaamse Belastingdienst", "VLABEL", "Vlabel",
	"Vlaamse Maatschappij voor Sociaal Wonen", "VMSW", "Vlaams Woningfonds",
	"Vlaams Energie- en Klimaatagentschap", "VEKA",
	"Vlaamse Milieumaatschappij", "VMM", "OVAM",
	"Agentschap Wegen en Verkeer", "Agentschap Integratie en Inburgering",
	"Vlaamse Regering", "Vlaams Parlement", "Vlaamse Ombudsdienst",
	"De Lijn", "Fluvius", "De Watergroep", "Farys", "Pidpa", "Aquafin",
	"Infino", "KidsLife", "MyFamily", "Parentia",
	"CAW", "CAW Antwerpen", "CAW Boom Mechelen Lier", "CAW Brussel",
	"CAW De Kempen", "CAW Halle-Vilvoorde", "CAW Limburg", "CAW Oost-Brabant",
	"CAW Oost-Vlaanderen", "CAW Centraal-West-Vlaanderen",
	"CAW Noord-West-Vlaanderen", "CAW Zuid-West-Vlaanderen",

	// Wallonia and the French Community.
	"Forem", "FOREM", "AVIQ", "Agence pour une Vie de Qualité",
	"ONE", "Office de la Naissance et de l'Enfance",
	"Service public de Wallonie", "SPW", "Gouvernement wallon",
	"Société wallonne du logement", "SWL", "Société wallonne des Eaux", "SWDE",
	"IFAPME", "FAMIWAL", "ORES", "RESA", "TEC",

	// Brussels.
	"Actiris", "Bruxelles Formation", "Iriscare", "Famiris",
	"Brussel Fiscaliteit", "Bruxelles Fiscalité",
	"Gewestelijke Overheidsdienst Brussel", "Service public régional de Bruxelles",
	"Sibelga", "Vivaqua", "STIB", "MIVB",

	// The German-speaking Community.
	"ADG", "Arbeitsamt der Deutschsprachigen Gemeinschaft",
	"Ministerium der Deutschsprachigen Gemeinschaft",
	"Regierung der Deutschsprachigen Gemeinschaft",
	"Kaleido", "Kaleido Ostbelgien", "Dienststelle für Selbstbestimmtes Leben",

	// Mutualities.
	"Christelijke Mutualiteit", "CM", "Mutualité chrétienne", "MC",
	"Mutualités chrétiennes", "Christliche Krankenkasse", "CKK",
	"Landsbond der Christelijke Mutualiteiten",
	"Alliance nationale des Mutualités chrétiennes",
	"Solidaris", "Socialistische Mutualiteit", "Socialistische Mutualiteiten",
	"Mutualité socialiste", "Sozialistische Krankenkasse", "Bond Moyson",
	"De Voorzorg",
	"Liberale Mutualiteit", "Liberale Mutualiteiten", "Mutualité libérale",
	"Mutualités libérales", "Liberale Krankenkasse",
	"Neutraal Ziekenfonds", "Neutrale Ziekenfonds", "Neutrale Ziekenfondsen",
	"Vlaams & Neutraal Ziekenfonds", "Vlaams en Neutraal Ziekenfonds",
	"Mutualité neutre", "Mutualités neutres", "Neutrale Krankenkasse",
	"Onafhankelijke Ziekenfondsen", "Mutualités Libres", "Freie Krankenkasse",
	"Helan", "Partenamut", "Partena Ziekenfonds", "Mutualia", "MLOZ", "Euromut",

	// Unions.
	"ABVV", "FGTB", "ABVV-FGTB", "ACV", "CSC", "ACV-CSC", "ACLVB", "CGSLB",
	"Algemeen Belgisch Vakverbond", "Fédération générale du travail de Belgique",
	"Algemeen Christelijk Vakverbond", "Confédération des syndicats chrétiens",
	"Algemene Centrale der Liberale Vakbonden van België",
	"Centrale générale des syndicats libéraux de Belgique",
	"Christlicher Gewerkschaftsbund", "ACV Puls", "BBTK", "SETCa", "ACOD", "CGSP",

	// Banks.
	"KBC", "KBC Bank", "KBC Verzekeringen", "KBC Brussels", "CBC", "CBC Banque",
	"Belfius", "Belfius Bank", "Belfius Banque", "Belfius Insurance",
	"Belfius Verzekeringen", "ING", "ING België", "ING Belgique", "ING Belgium",
	"BNP Paribas Fortis", "BNP Paribas", "Argenta", "Argenta Spaarbank",
	"Argenta Assuranties", "Crelan", "Beobank", "vdk bank", "VDK Bank",
	"Triodos", "Triodos Bank", "Keytrade Bank", "Europabank", "Deutsche Bank",
	"Nagelmackers", "Bank Nagelmackers", "MeDirect", "Record Bank", "Cofidis",

	// Insurers.
	"AXA", "AXA Belgium", "AXA Bank", "Ethias", "AG Insurance", "P&V",
	"P&V Verzekeringen", "P&V Assurances", "Baloise", "Baloise Insurance",
	"Allianz", "Allianz Benelux", "Vivium", "Federale Verzekering",
	"Fédérale Assurance", "DKV", "DKV Belgium", "DVV", "DVV Verzekeringen",
	"Les AP", "Corona Direct", "Touring", "Europ Assistance", "Generali",

	// Social secretariats, insurance funds for the self-employed, prevention
	// services, meal vouchers, temporary work.
	"Securex", "Acerta", "Liantis", "SD Worx", "Partena", "Partena Professional",
	"Group S", "UCM", "Xerius", "Attentia", "Mensura", "Idewe", "IDEWE",
	"Cohezio", "Sodexo", "Pluxee", "Edenred", "Monizze", "Randstad", "Adecco",
	"Start People",

	// Telecom and energy.
	"Proximus", "Telenet", "Orange Belgium", "Engie", "Engie Electrabel",
	"Electrabel", "Luminus", "Eneco", "TotalEnergies", "Lampiris",

	// Universities and their hospitals.
	"KU Leuven", "UGent", "Universiteit Gent", "UAntwerpen",
	"Universiteit Antwerpen", "Vrije Universiteit Brussel", "VUB", "ULB",
	"Université libre de Bruxelles", "UCLouvain", "ULiège",
	"Université de Liège", "UNamur", "UMONS", "UHasselt",
	"UZ Leuven", "UZ Gent", "UZ Brussel", "UZA",

	// Aid organisations.
	"Rode Kruis", "Rode Kruis Vlaanderen", "Croix-Rouge",
	"Croix-Rouge de Belgique", "Caritas International",
	"Vluchtelingenwerk Vlaanderen", "Samusocial", "Dokters van de Wereld",
	"Médecins du Monde",
}

// federalDepartments are the names of the federal public services, by
// language, with the long and short forms of their title: "FOD Financiën",
// "Federale Overheidsdienst Financiën". The titles alone are generic.
var federalDepartments = []struct {
	titles, names []string
}{
	{
		titles: []string{"FOD", "Federale Overheidsdienst"},
		names: []string{
			"Financiën", "Sociale Zekerheid", "Justitie", "Binnenlandse Zaken",
			"Buitenlandse Zaken",
			"Buitenlandse Zaken, Buitenlandse Handel en Ontwikkelingssamenwerking",
			"Economie", "Economie, K.M.O., Middenstand en Energie",
			"Werkgelegenheid, Arbeid en Sociaal Overleg", "WASO",
			"Volksgezondheid",
			"Volksgezondheid, Veiligheid van de Voedselketen en Leefmilieu",
			"Mobiliteit en Vervoer", "Kanselarij van de Eerste Minister",
			"Beleid en Ondersteuning", "BOSA", "Defensie",
		},
	},
	{
		titles: []string{"SPF", "Service public fédéral"},
		names: []string{
			"Finances", "Sécurité sociale", "Justice", "Intérieur",
			"Affaires étrangères",
			"Affaires étrangères, Commerce extérieur et Coopération au Développement",
			"Économie", "Economie", "Economie, P.M.E., Classes moyennes et Énergie",
			"Emploi, Travail et Concertation sociale", "ETCS", "Santé publique",
			"Santé publique, Sécurité de la Chaîne alimentaire et Environnement",
			"Mobilité et Transports", "Chancellerie du Premier Ministre",
			"Stratégie et Appui", "BOSA",
		},
	},
	{
		titles: []string{"FÖD", "Föderaler Öffentlicher Dienst"},
		names: []string{
			"Finanzen", "Soziale Sicherheit", "Justiz", "Inneres",
			"Auswärtige Angelegenheiten", "Wirtschaft",
			"Beschäftigung, Arbeit und Soziale Konzertierung", "Volksgesundheit",
			"Mobilität und Transportwesen", "Kanzlei des Premierministers",
			"Strategie und Unterstützung",
		},
	},
}
