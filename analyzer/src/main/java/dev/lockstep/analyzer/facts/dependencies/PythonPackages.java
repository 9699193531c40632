package dev.lockstep.analyzer.facts.dependencies;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Lockstep knows about Python module names: which top-level modules belong to the standard
 * library (CPython 3.8 to 3.13, the union of {@code sys.stdlib_module_names}, so modules removed
 * in 3.12/3.13 such as {@code distutils} and {@code imp} still count), which belong to well-known
 * distributions on PyPI, and the distribution that provides an import name when the two differ
 * ({@code sklearn} comes from {@code scikit-learn}, {@code cv2} from {@code opencv-python}).
 *
 * <p>The lists are curated, not complete: a module absent from both is <em>unknown</em>, which
 * is different from local. LS406 decides locality from evidence in the notebook, never from
 * absence here. The extractor uses {@link #distributionFor} to turn imports into requirements.
 */
public final class PythonPackages {

    /** How a top-level module name is known. */
    public enum Kind {
        /** Part of CPython's standard library. */
        STANDARD_LIBRARY,
        /** Provided by a well-known distribution on PyPI. */
        THIRD_PARTY,
        /** Provided only by a hosted platform (Colab, Kaggle, Pyodide): no distribution installs it. */
        PLATFORM,
        /** Not in the knowledge base: could be a less common distribution or a local file. */
        UNKNOWN
    }

    /** Top-level modules of CPython 3.8-3.13 (public and private), without the test suite. */
    private static final Set<String> STANDARD_LIBRARY = words("""
            __future__ _abc _aix_support _android_support _ast _asyncio _bisect _blake2 _bootlocale _bootsubprocess
            _bz2 _codecs _codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw _collections
            _collections_abc _colorize _compat_pickle _compression _contextvars _crypt _csv _ctypes _curses
            _curses_panel _datetime _dbm _decimal _dummy_thread _elementtree _frozen_importlib
            _frozen_importlib_external _functools _gdbm _hashlib _heapq _imp _interpchannels _interpqueues
            _interpreters _io _ios_support _json _locale _lsprof _lzma _markupbase _md5 _msi _multibytecodec
            _multiprocessing _opcode _opcode_metadata _operator _osx_support _overlapped _peg_parser _pickle
            _posixshmem _posixsubprocess _py_abc _pydatetime _pydecimal _pyio _pylong _pyrepl _queue _random
            _scproxy _sha1 _sha2 _sha256 _sha3 _sha512 _signal _sitebuiltins _socket _sqlite3 _sre _ssl _stat
            _statistics _string _strptime _struct _suggestions _symtable _sysconfig _thread _threading_local
            _tkinter _tokenize _tracemalloc _typing _uuid _warnings _weakref _weakrefset _winapi _wmi _zoneinfo
            abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii
            binhex bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections
            colorsys compileall concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses
            dataclasses datetime dbm decimal difflib dis distutils doctest dummy_threading email encodings
            ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch formatter fractions ftplib functools
            gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib
            imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale
            logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing
            netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev parser pathlib
            pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats
            pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource
            rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr
            socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string
            stringprep struct subprocess sunau symbol symtable sys sysconfig syslog tabnanny tarfile telnetlib
            tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace traceback
            tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave
            weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo
            """);

    /**
     * Well-known third-party import names, one per line: the import name, then the distributions
     * that provide it (the first is the usual one). A line with only a name means the
     * distribution has the same name. Dotted names cover namespace packages.
     */
    private static final String DISTRIBUTIONS = """
            numpy
            pandas
            scipy
            matplotlib
            mpl_toolkits matplotlib
            pylab matplotlib
            seaborn
            sklearn scikit-learn
            skimage scikit-image
            skopt scikit-optimize
            imblearn imbalanced-learn
            cv2 opencv-python opencv-python-headless opencv-contrib-python opencv-contrib-python-headless
            PIL Pillow
            yaml PyYAML
            ruamel ruamel.yaml
            bs4 beautifulsoup4
            dateutil python-dateutil
            dotenv python-dotenv
            docx python-docx
            pptx python-pptx
            magic python-magic
            jose python-jose
            multipart python-multipart
            slugify python-slugify
            jwt PyJWT
            Crypto pycryptodome
            Cryptodome pycryptodomex
            OpenSSL pyOpenSSL
            git GitPython
            github PyGithub
            serial pyserial
            usb pyusb
            zmq pyzmq
            fitz PyMuPDF
            pymupdf PyMuPDF
            attr attrs
            attrs
            pkg_resources setuptools
            setuptools
            _distutils_hack setuptools
            pip
            wheel
            packaging
            six
            python_utils python-utils
            progressbar progressbar2
            typing_extensions typing-extensions
            mypy_extensions mypy-extensions
            importlib_metadata importlib-metadata
            importlib_resources importlib-resources
            torch torch
            torchvision
            torchaudio
            torchtext
            torchdata
            torchmetrics
            torch_geometric torch-geometric
            torch_scatter torch-scatter
            torch_sparse torch-sparse
            pytorch_lightning pytorch-lightning
            lightning
            lightning_fabric lightning-fabric
            ignite pytorch-ignite
            timm
            einops
            kornia
            albumentations
            imgaug
            segmentation_models_pytorch segmentation-models-pytorch
            ultralytics
            tensorflow tensorflow tensorflow-cpu tensorflow-gpu tensorflow-macos tf-nightly intel-tensorflow
            tensorboard
            tensorboardX tensorboardX
            tensorflow_datasets tensorflow-datasets
            tensorflow_hub tensorflow-hub
            tensorflow_probability tensorflow-probability
            tensorflow_addons tensorflow-addons
            tensorflow_text tensorflow-text
            tf_keras tf-keras
            keras
            keras_nlp keras-nlp
            keras_cv keras-cv
            keras_tuner keras-tuner
            jax
            jaxlib
            flax
            optax
            chex
            orbax orbax-checkpoint
            haiku dm-haiku
            sonnet dm-sonnet
            equinox
            transformers
            tokenizers
            datasets
            evaluate
            accelerate
            peft
            trl
            diffusers
            safetensors
            huggingface_hub huggingface-hub
            sentence_transformers sentence-transformers
            setfit
            optimum
            bitsandbytes
            deepspeed
            xformers
            flash_attn flash-attn
            sentencepiece
            tiktoken
            vllm
            openai
            anthropic
            langchain
            langchain_core langchain-core
            langchain_community langchain-community
            langchain_openai langchain-openai
            llama_index llama-index
            llama_cpp llama-cpp-python
            chromadb
            faiss faiss-cpu faiss-gpu
            annoy
            hnswlib
            gensim
            nltk
            spacy
            textblob
            jieba
            fasttext
            rouge_score rouge-score
            sacrebleu
            xgboost
            lightgbm
            catboost
            statsmodels
            patsy
            sympy
            networkx
            igraph python-igraph
            numba
            llvmlite
            cupy cupy-cuda12x cupy-cuda11x cupy
            numexpr
            bottleneck Bottleneck
            Cython Cython
            pyximport Cython
            dask
            distributed
            polars
            pyarrow
            fastparquet
            duckdb
            h5py
            tables
            zarr
            xarray
            netCDF4 netCDF4
            openpyxl
            xlrd
            xlsxwriter XlsxWriter
            odf odfpy
            pyspark
            findspark
            ray
            modin
            vaex
            joblib
            cloudpickle
            dill
            tqdm
            rich
            click
            typer
            fire
            absl absl-py
            gin gin-config
            hydra hydra-core
            omegaconf
            ml_collections ml-collections
            wandb
            mlflow
            comet_ml comet-ml
            neptune
            clearml
            optuna
            hyperopt
            shap
            lime
            umap umap-learn
            hdbscan
            plotly
            bokeh
            altair
            holoviews
            hvplot
            panel
            dash
            streamlit
            gradio
            folium
            pydeck
            graphviz
            pydot
            pygraphviz
            wordcloud
            missingno
            ydata_profiling ydata-profiling
            pandas_profiling pandas-profiling
            sweetviz
            plotnine
            squarify
            adjustText adjustText
            prophet
            pmdarima
            sktime
            tslearn
            tsfresh
            arch
            linearmodels
            lifelines
            pingouin
            pymc
            arviz
            emcee
            cvxpy
            pulp PuLP
            ortools
            geopandas
            shapely
            fiona
            pyproj
            rasterio
            osgeo GDAL
            cartopy Cartopy
            h3
            geopy
            osmnx
            astropy
            Bio biopython
            rdkit
            librosa
            soundfile
            pydub
            imageio
            moviepy
            pytesseract
            easyocr
            pycocotools
            mmcv
            mmdet
            detectron2
            onnx
            onnxruntime onnxruntime onnxruntime-gpu
            tf2onnx
            openvino
            tensorrt
            pycuda
            pynvml nvidia-ml-py pynvml
            GPUtil GPUtil
            psutil
            gym
            gymnasium
            stable_baselines3 stable-baselines3
            pygame
            requests
            urllib3
            httpx
            aiohttp
            certifi
            idna
            charset_normalizer charset-normalizer
            chardet
            websocket websocket-client
            websockets
            paramiko
            boto3
            botocore
            s3fs
            gcsfs
            adlfs
            fsspec
            smart_open smart-open
            google_auth_oauthlib google-auth-oauthlib
            googleapiclient google-api-python-client
            gspread
            kaggle
            kagglehub
            gdown
            wget
            pydantic
            fastapi
            uvicorn
            flask Flask
            django Django
            jinja2 Jinja2
            markdown Markdown
            lxml
            html5lib
            selenium
            scrapy Scrapy
            tweepy
            praw
            pdfplumber
            PyPDF2 PyPDF2
            pypdf
            pdfminer pdfminer.six
            reportlab
            fpdf fpdf2
            qrcode
            sqlalchemy SQLAlchemy
            psycopg2 psycopg2-binary psycopg2
            psycopg
            pymysql PyMySQL
            MySQLdb mysqlclient
            pymongo
            redis
            pyodbc
            snowflake snowflake-connector-python
            toml
            tomli
            tomlkit
            ujson
            orjson
            simplejson
            msgpack
            jsonschema
            marshmallow
            cattrs
            more_itertools more-itertools
            toolz
            cytoolz
            sortedcontainers
            cachetools
            diskcache
            filelock
            tenacity
            backoff
            regex
            pytz
            tzdata
            tzlocal
            babel Babel
            colorama
            termcolor
            tabulate
            loguru
            pytest
            hypothesis
            mock
            nbformat
            nbconvert
            nbclient
            papermill
            ipykernel
            ipywidgets
            IPython ipython
            jupyter_client jupyter-client
            ipympl
            docker
            kubernetes
            yfinance
            pandas_datareader pandas-datareader
            category_encoders category-encoders
            mlxtend
            yellowbrick
            pycaret
            h2o
            autogluon autogluon
            tpot
            feature_engine feature-engine
            featuretools
            """;

    /** Dotted import names whose distribution is not the one of their top-level namespace. */
    private static final Map<String, String> NAMESPACE_DISTRIBUTIONS = Map.ofEntries(
            Map.entry("google.protobuf", "protobuf"),
            Map.entry("google.auth", "google-auth"),
            Map.entry("google.oauth2", "google-auth"),
            Map.entry("google.api_core", "google-api-core"),
            Map.entry("google.generativeai", "google-generativeai"),
            Map.entry("google.genai", "google-genai"),
            Map.entry("google.cloud", "google-cloud-core"),
            Map.entry("azure.identity", "azure-identity"),
            Map.entry("azure.ai.ml", "azure-ai-ml"),
            Map.entry("mpl_toolkits.basemap", "basemap"),
            Map.entry("zope.interface", "zope.interface"));

    /** Namespace packages shared by many distributions: known, but the top level alone names none. */
    private static final Set<String> NAMESPACE_ROOTS = words("google azure zope backports jaraco sphinxcontrib");

    /** Modules only a hosted notebook platform provides; no distribution installs them. */
    private static final Set<String> PLATFORM_MODULES = words("""
            google.colab kaggle_secrets kaggle_datasets kaggle_web_client learntools pyodide js micropip
            pyscript
            """);

    /** Import name -> distributions that provide it (first is the usual one), sorted by name. */
    private static final Map<String, List<String>> PROVIDERS;

    /** PEP 503-normalized distribution name -> import names it provides. */
    private static final Map<String, Set<String>> IMPORTS_OF_DISTRIBUTION;

    static {
        Map<String, List<String>> providers = new TreeMap<>();
        Map<String, Set<String>> imports = new HashMap<>();
        for (String line : DISTRIBUTIONS.strip().split("\n")) {
            String[] fields = line.strip().split("\\s+");
            List<String> distributions = fields.length == 1 ? List.of(fields[0])
                    : List.copyOf(new LinkedHashSet<>(List.of(fields).subList(1, fields.length)));
            providers.put(fields[0], distributions);
            for (String distribution : distributions) {
                imports.computeIfAbsent(normalize(distribution), k -> new TreeSet<>()).add(fields[0]);
            }
        }
        NAMESPACE_DISTRIBUTIONS.forEach((module, distribution) ->
                imports.computeIfAbsent(normalize(distribution), k -> new TreeSet<>()).add(module));
        PROVIDERS = Collections.unmodifiableMap(providers);
        Map<String, Set<String>> frozen = new HashMap<>();
        imports.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
        IMPORTS_OF_DISTRIBUTION = Collections.unmodifiableMap(frozen);
    }

    private PythonPackages() {
    }

    /** Whether the module (or the top-level package of a dotted name) is in CPython's standard library. */
    public static boolean isStandardLibrary(String module) {
        return STANDARD_LIBRARY.contains(topLevel(module));
    }

    /** Whether the module's top-level package belongs to a well-known distribution. */
    public static boolean isKnownThirdParty(String module) {
        return PROVIDERS.containsKey(topLevel(module)) || NAMESPACE_ROOTS.contains(topLevel(module));
    }

    /** What the knowledge base says about a module name (dotted names are judged by their top level). */
    public static Kind classify(String module) {
        if (module == null || module.isEmpty()) {
            return Kind.UNKNOWN;
        }
        if (isPlatformModule(module)) {
            return Kind.PLATFORM;
        }
        if (isStandardLibrary(module)) {
            return Kind.STANDARD_LIBRARY;
        }
        return isKnownThirdParty(module) ? Kind.THIRD_PARTY : Kind.UNKNOWN;
    }

    /**
     * The PyPI distribution to install for an import name: {@code scikit-learn} for
     * {@code sklearn}, {@code opencv-python} for {@code cv2.dnn}, {@code google-cloud-bigquery}
     * for {@code google.cloud.bigquery}, {@code protobuf} for {@code google.protobuf}. Empty
     * for the standard library, for modules only a hosted platform provides, and for names the
     * knowledge base does not know.
     */
    public static Optional<String> distributionFor(String importName) {
        if (importName == null || importName.isEmpty() || importName.startsWith(".")
                || isStandardLibrary(importName) || isPlatformModule(importName)) {
            return Optional.empty();
        }
        String[] parts = importName.split("\\.");
        if (parts.length >= 3 && parts[0].equals("google") && parts[1].equals("cloud")) {
            return Optional.of("google-cloud-" + parts[2].replace('_', '-'));
        }
        if (parts.length >= 2 && parts[0].equals("azure") && !NAMESPACE_DISTRIBUTIONS.containsKey(parts[0] + "." + parts[1])) {
            return Optional.of("azure-" + String.join("-", List.of(parts).subList(1, Math.min(parts.length, 3)))
                    .replace('_', '-'));
        }
        for (int n = parts.length; n >= 2; n--) {
            String prefix = String.join(".", List.of(parts).subList(0, n));
            String distribution = NAMESPACE_DISTRIBUTIONS.get(prefix);
            if (distribution != null) {
                return Optional.of(distribution);
            }
        }
        List<String> providers = PROVIDERS.get(parts[0]);
        return providers == null ? Optional.empty() : Optional.of(providers.get(0));
    }

    /**
     * Every distribution known to provide an import name ({@code cv2}: {@code opencv-python},
     * {@code opencv-python-headless}, ...), the usual one first; empty when unknown.
     */
    public static List<String> distributionsProviding(String importName) {
        List<String> providers = PROVIDERS.get(topLevel(importName));
        return providers == null ? List.of() : providers;
    }

    /**
     * The top-level import names a distribution provides: {@code sklearn} for
     * {@code scikit-learn}, {@code cv2} for {@code opencv-python-headless}. For a distribution
     * the knowledge base does not know, the usual convention: its normalized name with
     * {@code -} and {@code .} as {@code _} ({@code my-lib} provides {@code my_lib}).
     */
    public static Set<String> importNamesOf(String distribution) {
        String normalized = normalize(distribution);
        Set<String> known = IMPORTS_OF_DISTRIBUTION.get(normalized);
        if (known != null) {
            Set<String> tops = new TreeSet<>();
            for (String name : known) {
                tops.add(topLevel(name));
            }
            return Collections.unmodifiableSet(tops);
        }
        return Set.of(normalized.replace('-', '_'));
    }

    /** The PEP 503 normalized form of a distribution name: lower case, runs of {@code -_.} as one {@code -}. */
    public static String normalize(String distribution) {
        return distribution.strip().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** Whether only a hosted platform (Colab, Kaggle, Pyodide) provides the module. */
    public static boolean isPlatformModule(String module) {
        if (module == null) {
            return false;
        }
        for (String platform : PLATFORM_MODULES) {
            if (module.equals(platform) || module.startsWith(platform + ".")) {
                return true;
            }
        }
        return false;
    }

    /** The top-level package of a dotted module name. */
    public static String topLevel(String module) {
        if (module == null) {
            return "";
        }
        int dot = module.indexOf('.');
        return dot < 0 ? module : module.substring(0, dot);
    }

    private static Set<String> words(String text) {
        Set<String> set = new HashSet<>(List.of(text.strip().split("\\s+")));
        return Collections.unmodifiableSet(set);
    }
}
