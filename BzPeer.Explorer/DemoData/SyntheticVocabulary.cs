namespace BzPeer.Explorer.DemoData;

/// <summary>
/// Word lists for the synthetic corpus. People and places are built from invented syllables, so no generated
/// researcher or institution is a real one; the topic hierarchy uses ordinary names of research areas.
/// </summary>
internal static class SyntheticVocabulary
{
    public sealed record Subfield(string Domain, int DomainNumber, string Field, int FieldNumber, string Name, int Number, string[] Subjects);

    public static readonly Subfield[] Subfields =
    [
        new("Physical Sciences", 3, "Computer Science", 17, "Computer Vision and Pattern Recognition", 1707,
            ["Image Segmentation", "Object Detection", "Neural Style Transfer", "Video Understanding", "3D Scene Reconstruction", "Visual Tracking", "Image Super-Resolution", "Face Analysis"]),
        new("Physical Sciences", 3, "Computer Science", 17, "Artificial Intelligence", 1702,
            ["Reinforcement Learning", "Knowledge Graphs", "Automated Planning", "Multi-Agent Systems", "Explainable Models", "Neural Network Pruning", "Language Model Reasoning", "Constraint Satisfaction"]),
        new("Physical Sciences", 3, "Computer Science", 17, "Computer Networks and Communications", 1705,
            ["Wireless Sensor Networks", "Edge Computing", "Network Security", "Software-Defined Networking", "Peer-to-Peer Systems", "Congestion Control", "Satellite Communication", "Vehicular Networks"]),
        new("Physical Sciences", 3, "Computer Science", 17, "Information Systems", 1710,
            ["Recommender Systems", "Information Retrieval", "Scholarly Data Mining", "Data Provenance", "Query Optimization", "Graph Databases", "Data Integration", "Web Search"]),
        new("Physical Sciences", 3, "Mathematics", 26, "Applied Mathematics", 2604,
            ["Numerical PDE Solvers", "Optimal Transport", "Inverse Problems", "Sparse Approximation", "Stochastic Optimization", "Uncertainty Quantification", "Dynamical Systems", "Tensor Decompositions"]),
        new("Physical Sciences", 3, "Mathematics", 26, "Statistics and Probability", 2613,
            ["Bayesian Inference", "High-Dimensional Statistics", "Time Series Analysis", "Survival Analysis", "Bootstrap Methods", "Causal Discovery", "Extreme Value Theory", "Spatial Statistics"]),
        new("Physical Sciences", 3, "Physics and Astronomy", 31, "Condensed Matter Physics", 3104,
            ["Topological Insulators", "Superconductivity", "Quantum Magnetism", "Two-Dimensional Materials", "Spintronics", "Phase Transitions", "Strongly Correlated Electrons", "Phonon Transport"]),
        new("Physical Sciences", 3, "Physics and Astronomy", 31, "Astronomy and Astrophysics", 3103,
            ["Exoplanet Detection", "Galaxy Evolution", "Gravitational Waves", "Stellar Populations", "Cosmic Microwave Background", "Dark Matter Halos", "Radio Transients", "Solar Flares"]),
        new("Physical Sciences", 3, "Engineering", 22, "Electrical and Electronic Engineering", 2208,
            ["Power Electronics", "Battery Management", "Smart Grids", "Analog Circuit Design", "Antenna Design", "Signal Integrity", "Motor Drives", "Photovoltaic Systems"]),
        new("Physical Sciences", 3, "Engineering", 22, "Control and Systems Engineering", 2207,
            ["Model Predictive Control", "Robust Control", "System Identification", "Fault Diagnosis", "Swarm Robotics", "Autonomous Vehicles", "Networked Control", "Adaptive Control"]),
        new("Life Sciences", 1, "Neuroscience", 28, "Cognitive Neuroscience", 2805,
            ["Working Memory", "Visual Attention", "Decision Making", "Language Processing", "Reward Learning", "Sleep and Memory", "Motor Learning", "Emotion Regulation"]),
        new("Life Sciences", 1, "Neuroscience", 28, "Cellular and Molecular Neuroscience", 2804,
            ["Synaptic Plasticity", "Neural Stem Cells", "Ion Channels", "Axon Regeneration", "Neuroinflammation", "Glial Signalling", "Dendritic Computation", "Neurodegeneration"]),
        new("Life Sciences", 1, "Biochemistry, Genetics and Molecular Biology", 13, "Genetics", 1311,
            ["Genome-Wide Association", "Gene Regulation", "Epigenetic Inheritance", "Population Genetics", "CRISPR Screening", "Rare Variant Analysis", "Transposable Elements", "Chromatin Structure"]),
        new("Life Sciences", 1, "Biochemistry, Genetics and Molecular Biology", 13, "Molecular Biology", 1312,
            ["Protein Folding", "RNA Splicing", "Cell Cycle Control", "Protein Degradation", "Membrane Trafficking", "DNA Repair", "Signal Transduction", "Ribosome Biogenesis"]),
        new("Life Sciences", 1, "Agricultural and Biological Sciences", 11, "Ecology, Evolution, Behavior and Systematics", 1105,
            ["Pollinator Decline", "Forest Dynamics", "Invasive Species", "Soil Microbiomes", "Coral Reef Resilience", "Predator-Prey Dynamics", "Biodiversity Monitoring", "Urban Ecology"]),
        new("Health Sciences", 4, "Medicine", 27, "Epidemiology", 2713,
            ["Infectious Disease Surveillance", "Cohort Studies", "Vaccine Effectiveness", "Air Pollution Exposure", "Chronic Disease Risk", "Health Inequalities", "Outbreak Modelling", "Nutritional Epidemiology"]),
        new("Health Sciences", 4, "Medicine", 27, "Radiology, Nuclear Medicine and Imaging", 2741,
            ["Medical Image Segmentation", "MRI Reconstruction", "PET Imaging", "Computer-Aided Diagnosis", "Ultrasound Imaging", "Radiomics", "CT Dose Reduction", "Image Registration"]),
        new("Social Sciences", 2, "Psychology", 32, "Social Psychology", 3207,
            ["Group Identity", "Prosocial Behaviour", "Stereotype Threat", "Moral Judgement", "Social Influence", "Trust Formation", "Intergroup Contact", "Self-Regulation"]),
        new("Social Sciences", 2, "Economics, Econometrics and Finance", 20, "Economics and Econometrics", 2002,
            ["Labour Markets", "Monetary Policy", "Development Economics", "Auction Design", "Financial Networks", "Climate Economics", "Trade Policy", "Behavioural Finance"]),
        new("Social Sciences", 2, "Social Sciences", 33, "Library and Information Sciences", 3309,
            ["Citation Analysis", "Research Evaluation", "Open Science Practices", "Scholarly Communication", "Research Collaboration Networks", "Author Name Disambiguation", "Peer Review", "Science of Science"]),
    ];

    /// <summary>Prefixes that make further distinct topics from the same subjects once every subject is used.</summary>
    public static readonly string[] TopicQualifiers =
    [
        "", "Deep Learning for", "Statistical Methods in", "Benchmarks for", "Theory of", "Scalable", "Robust", "Interpretable",
        "Causal Approaches to", "Longitudinal Studies of", "Simulation of", "Open Data for", "Bayesian Models of", "Measurement in",
        "Multimodal", "Privacy in", "Reproducibility in", "Sustainability of", "Low-Cost", "Real-Time", "Ethics of", "Large-Scale",
        "Comparative Studies of", "Network Analysis of", "Uncertainty in", "Education in", "Optimisation of", "Policy for",
        "Automation of", "Foundations of",
    ];

    public static readonly string[] FirstNameStarts =
    [
        "A", "Be", "Ca", "Da", "E", "Fa", "Ga", "Ha", "I", "Ja", "Ka", "La", "Ma", "Na", "O",
        "Pa", "Ra", "Sa", "Ta", "Va", "Ya", "Za", "Lio", "Mi", "Ne", "Ro", "Si", "Te", "Ve", "Yu",
    ];

    public static readonly string[] FirstNameEnds =
    [
        "ren", "lia", "mir", "nor", "sia", "dan", "vel", "rin", "lon", "mea", "tis", "ven", "ria", "kan", "sel", "dor",
    ];

    public static readonly string[] LastNameStarts =
    [
        "Al", "Bran", "Cor", "Del", "Es", "Fen", "Gal", "Har", "Ith", "Jor", "Kes", "Lun", "Mor",
        "Nev", "Or", "Pell", "Quin", "Ros", "Sal", "Tor", "Ul", "Var", "Wen", "Yar", "Zel",
    ];

    public static readonly string[] LastNameMiddles = ["a", "e", "i", "o", "ver", "wyn", "ric", "mont", "dal", "bar"];

    public static readonly string[] LastNameEnds =
    [
        "stone", "ford", "wick", "mere", "holt", "dane", "ley", "croft", "vale", "ton", "well", "more", "by", "hurst", "ridge", "thorn",
    ];

    public static readonly string[] PlaceStarts =
    [
        "Val", "Mor", "Ash", "Bel", "Cal", "Dun", "El", "Fal", "Glen", "Hal", "Ker", "Lin", "Mar", "Nor", "Orm", "Pen", "Riv", "Sel", "Thal", "Wyn",
    ];

    public static readonly string[] PlaceEnds = ["mora", "haven", "wick", "dale", "brook", "stead", "gard", "mouth", "field", "ora", "ia", "enne"];

    public sealed record InstitutionKind(string Pattern, string Type);

    public static readonly InstitutionKind[] InstitutionKinds =
    [
        new("University of {0}", "education"),
        new("{0} Institute of Technology", "education"),
        new("{0} Medical Research Centre", "healthcare"),
        new("{0} State University", "education"),
        new("{0} Laboratory for Advanced Study", "facility"),
    ];

    public static readonly string[] CountryCodes = ["GB", "DE", "FR", "NL", "SE", "US", "CA", "JP", "CN", "KR", "AU", "BR", "IN", "ES", "IT", "CH"];

    public sealed record VenueKind(string Pattern, string Type);

    public static readonly VenueKind[] VenueKinds =
    [
        new("Journal of {0}", "journal"),
        new("{0} Letters", "journal"),
        new("Transactions on {0}", "journal"),
        new("Proceedings of the Conference on {0}", "conference"),
    ];

    public static readonly string[] Adjectives =
    [
        "Scalable", "Robust", "Efficient", "Interpretable", "Data-Efficient", "Adaptive", "Uncertainty-Aware", "Lightweight", "Hierarchical", "Distributed",
    ];

    public static readonly string[] Methods =
    [
        "Self-Supervised Learning", "Bayesian Hierarchical Models", "Graph-Based Methods", "Field Experiments", "Spectral Methods", "Active Learning",
        "Multi-Scale Modelling", "Large-Scale Measurement", "Randomised Evidence", "Simulation Studies", "Contrastive Pretraining", "Mixed-Effects Models",
    ];

    public static readonly string[] Aspects =
    [
        "A Survey", "Lessons from Five Datasets", "New Benchmarks", "An Empirical Study", "Open Problems", "A Reproducibility Report",
    ];

    public static readonly string[] Properties =
    [
        "Stability", "Sample Complexity", "Robustness", "Limits", "Scaling Behaviour", "Identifiability", "Generalisation",
    ];
}
