"""Packaging for fwdbwd, driven by settings.ini (the nbdev 2 layout).

Written without `pkg_resources`, which current setuptools no longer ships.
"""
import re
import shlex
from configparser import ConfigParser

import setuptools

assert setuptools.__version__ >= '36.2'

config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

for key in ('version', 'description', 'keywords', 'author', 'author_email', 'license',
            'min_python', 'lib_name', 'user', 'status', 'audience', 'language'):
    if key not in cfg: raise KeyError(f'settings.ini is missing the key {key!r}')

licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License')}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable',
            '6 - Mature', '7 - Inactive']
py_versions = '3.10 3.11 3.12 3.13'.split()


def long_description():
    "README.md with its relative links made absolute, so that pictures and links work on PyPI too."
    text = open('README.md', encoding='utf-8').read()
    base = cfg['git_url'].rstrip('/')
    raw = base.replace('https://github.com/', 'https://raw.githubusercontent.com/') + '/' + cfg['branch']
    def absolute(m):
        bang, label, target = m.groups()
        if re.match(r'[a-z][a-z0-9+.-]*:|#', target): return m.group(0)  # already absolute, or an anchor
        return f'{bang}[{label}]({raw if bang else base + "/blob/" + cfg["branch"]}/{target})'
    return re.sub(r'(!?)\[([^\]]*)\]\(([^)\s]+)\)', absolute, text)


def reqs(key):
    "The requirement strings of `settings.ini` key `key` (whitespace separated)."
    return shlex.split(cfg.get(key, ''))


lic = licenses[cfg['license'].lower()]
min_python = cfg['min_python']
scripts = [s.strip() for s in cfg.get('console_scripts', '').split('\n') if s.strip()]
scripts = [w for s in scripts for w in s.split()]
chapters = cfg.get('chapters', '').split()  # name=module: the modules that register exercises, bench cases, options

setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    license=lic[0],
    classifiers=[
        'Development Status :: ' + statuses[int(cfg['status']) - 1],
        'Intended Audience :: ' + cfg['audience'].title(),
        'License :: ' + lic[1],
        'Natural Language :: ' + cfg['language'].title(),
    ] + ['Programming Language :: Python :: ' + v for v in py_versions
         if tuple(map(int, v.split('.'))) >= tuple(map(int, min_python.split('.')))],
    url=cfg['git_url'],
    packages=setuptools.find_packages(include=[cfg['lib_path'], cfg['lib_path'] + '.*']),
    include_package_data=True,
    install_requires=reqs('requirements'),
    extras_require={'dev': reqs('dev_requirements')},
    dependency_links=cfg.get('dep_links', '').split(),
    python_requires='>=' + min_python,
    long_description=long_description(),
    long_description_content_type='text/markdown',
    zip_safe=False,
    entry_points={'console_scripts': scripts, 'fwdbwd.chapters': chapters, 'nbdev': [f'{cfg["lib_path"]}={cfg["lib_path"]}._modidx:d']},
    author=cfg['author'],
    author_email=cfg['author_email'],
    keywords=cfg['keywords'],
)
